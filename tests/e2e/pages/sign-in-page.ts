import { expect, type Page } from "@playwright/test";

export class SignInPage {
  constructor(private readonly page: Page) {}

  async goto(next?: string) {
    await this.page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in");
  }

  async fill(email: string, password: string) {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
  }

  /** Signs in from wherever the page is, and waits to leave the sign-in page. */
  async signIn(email: string, password: string) {
    if (!this.page.url().includes("/sign-in")) await this.goto();
    await this.fill(email, password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
    await expect(this.page).not.toHaveURL(/\/sign-in/);
  }

  formError() {
    return this.page.locator("#form-error");
  }
}
