import { expect, type Locator, type Page } from "@playwright/test";

/** A create or edit form of the recruiter records: fill by label, submit, read field errors by id. */
export class RecordFormPage {
  constructor(private readonly page: Page) {}

  async fill(values: Record<string, string>) {
    for (const [label, value] of Object.entries(values)) {
      const field = this.field(label);
      const tag = await field.evaluate((el) => el.tagName.toLowerCase());
      if (tag === "select") await field.selectOption({ label: value });
      else await field.fill(value);
    }
  }

  /** A control by its label; a required field's label ends with a (hidden) "*". */
  field(label: string): Locator {
    return this.page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\*?$`));
  }

  async submit(name: string) {
    await this.page.getByRole("button", { name, exact: true }).click();
  }

  /** The error rendered next to a field (FormField: `#<name>-error`). */
  fieldError(name: string): Locator {
    return this.page.locator(`#${name}-error`);
  }
}

/** A job's board: columns are regions named by their stage; every card has "Move to…". */
export class BoardPage {
  constructor(private readonly page: Page) {}

  column(stage: string): Locator {
    return this.page.getByRole("region", { name: new RegExp(`^${stage}\\b`) });
  }

  card(candidateName: string): Locator {
    return this.page.locator("li[data-application]", { hasText: candidateName });
  }

  /** Moves a card by keyboard only: focus the select, choose, Tab to "Move", Enter. */
  async moveByKeyboard(candidateName: string, stage: string, reason?: string) {
    const select = this.page.getByLabel(`Move ${candidateName} to`, { exact: true });
    await select.focus();
    await select.selectOption({ label: stage });
    if (reason !== undefined) {
      const field = this.card(candidateName).getByLabel(/Why/);
      await field.focus();
      await this.page.keyboard.type(reason);
      await this.card(candidateName).getByRole("button", { name: `Move ${candidateName}` }).focus();
    } else {
      await this.page.keyboard.press("Tab");
      await expect(this.card(candidateName).getByRole("button", { name: `Move ${candidateName}` })).toBeFocused();
    }
    await this.page.keyboard.press("Enter");
  }
}

/** The candidate page's timeline. */
export class TimelinePage {
  constructor(private readonly page: Page) {}

  items(): Locator {
    return this.page.getByRole("region", { name: "Timeline" }).locator("ol > li");
  }

  async expectEntry(kind: "stage" | "interview" | "debrief" | "feedback" | "task", text: string | RegExp) {
    await expect(this.page.getByRole("region", { name: "Timeline" }).locator(`li[data-kind="${kind}"]`, { hasText: text }).first()).toBeVisible();
  }
}
