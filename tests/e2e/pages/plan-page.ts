import { expect, type Page } from "@playwright/test";

/** The candidate's follow-up plan of one interview, or of all recent ones (/my/plan). */
export class PlanPage {
  constructor(private readonly page: Page) {}

  async expectOpen() {
    await expect(this.page.getByRole("heading", { level: 1, name: /^(Your plan after|My plan)/ })).toBeVisible();
  }

  /** One step of the plan, found by its title. */
  step(title: string | RegExp) {
    return this.page.getByRole("listitem").filter({ has: this.page.getByText(title, { exact: typeof title === "string" }) });
  }
}
