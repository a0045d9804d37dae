import { expect, type Page } from "@playwright/test";

/** The candidate's debrief form (/my/interviews/<id>/debrief). */
export class DebriefPage {
  constructor(private readonly page: Page) {}

  /** From the candidate's home, the first interview whose debrief is due. */
  async openFirstDue() {
    await this.page.goto("/my/interviews");
    await this.page.getByRole("link", { name: /^File debrief/ }).first().click();
    await expect(this.page.getByRole("heading", { level: 1, name: /^Debrief:/ })).toBeVisible();
  }

  /** Picks an answer of a radio group by clicking its visible label, the way a thumb would. */
  async choose(question: string | RegExp, answer: string | RegExp) {
    const group = this.page.getByRole("radiogroup", { name: question });
    const radio = group.getByRole("radio", { name: answer });
    await radio.locator("xpath=..").click();
    await expect(radio).toBeChecked();
  }

  answer(question: string | RegExp, answer: string | RegExp) {
    return this.page.getByRole("radiogroup", { name: question }).getByRole("radio", { name: answer });
  }

  field(label: string | RegExp) {
    return this.page.getByLabel(label, { exact: typeof label === "string" });
  }

  /** The people-met card of one person (a group named after them). */
  person(name: string) {
    return this.page.getByRole("group", { name });
  }

  errorOf(id: string) {
    return this.page.locator(`#${id}-error`);
  }

  /** Waits until the server confirmed the latest change. */
  async saved() {
    await expect(this.page.getByTestId("save-status")).toBeVisible({ timeout: 15_000 });
  }

  async submit() {
    await this.page.getByRole("button", { name: /^Submit (debrief|amendment)$/ }).click();
  }

  /** The interview's start time as the page header shows it ("10:05 AM"). */
  async startTime(): Promise<string> {
    const description = await this.page.locator("h1 + p").innerText();
    const match = description.match(/(\d{1,2}:\d{2} [AP]M)$/);
    expect(match, description).toBeTruthy();
    return match![1]!;
  }
}
