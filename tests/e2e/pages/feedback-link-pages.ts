import { expect, type Locator, type Page } from "@playwright/test";

/**
 * The client interviewer's one-page scorecard (/feedback/<token>), opened from
 * the link in their email with no account, and the plain notices the same
 * address shows once the link is answered, withdrawn or made up.
 */
export class LinkFeedbackPage {
  constructor(private readonly page: Page) {}

  async open(path: string) {
    await this.page.goto(path);
  }

  heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }

  /** Picks an answer of a radio group by tapping its visible label. */
  async choose(group: string | RegExp, answer: string) {
    const radios = this.page.getByRole("radiogroup", { name: group });
    await radios.getByText(answer, { exact: true }).click();
    await expect(radios.getByRole("radio", { name: answer, exact: true })).toBeChecked();
  }

  async rate(attribute: string, rating: string) {
    await this.choose(attribute, rating);
  }

  async recommend(recommendation: string) {
    await this.choose(/^Your recommendation/, recommendation);
  }

  async decide(decision: string) {
    await this.choose("Where does it go from here?", decision);
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  async send() {
    await this.page.getByRole("button", { name: "Send feedback" }).click();
  }
}

/** The Interviewers card of a staff interview page: each interviewer with the state of their feedback link. */
export class InterviewerLinksCard {
  constructor(private readonly page: Page) {}

  /** The card: the heading's header, then its content. */
  card(): Locator {
    return this.page.getByRole("heading", { level: 2, name: /^Interviewers \(\d+\)$/ }).locator("xpath=../..");
  }

  /** The interviewer's entry; its first link is their name. */
  people(): Locator {
    return this.card().getByRole("listitem").filter({ has: this.page.getByRole("link") });
  }

  person(name: string): Locator {
    return this.people().filter({ has: this.page.getByRole("link", { name, exact: true }) });
  }

  async names(): Promise<string[]> {
    return this.people().locator("a[href^='/contacts/']").allInnerTexts();
  }

  async request(name: string) {
    await this.card().getByRole("button", { name: new RegExp(`^(Request feedback|Send a new link) from ${name}$`) }).click();
    await expect(this.card().getByText(`Feedback link sent to ${name}.`)).toBeVisible();
  }

  async withdraw(name: string) {
    await this.card().getByRole("button", { name: `Withdraw link sent to ${name}` }).click();
    await expect(this.card().getByText("Link withdrawn: it now shows only your firm's name.")).toBeVisible();
  }
}
