import { expect, type Page } from "@playwright/test";

/** The development outbox: how the tests (and the demo) read mail without a mail server. */
export class OutboxPage {
  constructor(private readonly page: Page) {}

  async latestLinkTo(email: string, pathPart: string): Promise<string> {
    await this.page.goto("/dev/outbox");
    const item = this.page.locator("li", { hasText: `to ${email.toLowerCase()}` }).first();
    await expect(item).toBeVisible();
    const text = await item.locator("pre").innerText();
    const link = text.match(new RegExp(`https?://\\S*${pathPart}\\S*`))?.[0];
    expect(link, text).toBeTruthy();
    return new URL(link!).pathname;
  }
}
