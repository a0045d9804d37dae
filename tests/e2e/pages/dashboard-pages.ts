import { expect, type Locator, type Page } from "@playwright/test";

/** The recruiter's dashboard: counts on top, the queue by urgency, today's interviews, my tasks. */
export class DashboardPage {
  constructor(private readonly page: Page) {}

  async goto(view: "mine" | "everyone" = "mine") {
    await this.page.goto(view === "mine" ? "/dashboard" : "/dashboard?view=everyone");
    await expect(this.page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  }

  /** A count tile by its label ("Debriefs to review"). */
  count(label: string): Locator {
    return this.page.getByRole("navigation", { name: "Counts" }).getByRole("link", { name: new RegExp(`^${label}`) });
  }

  /** A queue section ("Overdue", "Due today", "Coming up"). */
  section(name: string): Locator {
    return this.page.getByRole("region", { name: new RegExp(`^${name}`) });
  }

  /** A queue item by its title's link. */
  item(title: string | RegExp): Locator {
    return this.page.getByRole("link", { name: title });
  }
}

/**
 * The staff interview page's "debrief beside interviewer feedback" panel.
 * E2E_REVIEW_PREFIX points it elsewhere while the panel is being built.
 */
export class InterviewReviewPage {
  constructor(private readonly page: Page) {}

  async open(interviewId: string) {
    await this.page.goto(`${process.env.E2E_REVIEW_PREFIX ?? "/interviews/"}${interviewId}`);
    await expect(this.panel()).toBeVisible();
  }

  panel(): Locator {
    return this.page.getByTestId("debrief-feedback-panel");
  }

  stage(): Locator {
    return this.panel().getByTestId("application-stage");
  }

  debrief(): Locator {
    return this.panel().getByRole("region", { name: /debrief$/ });
  }

  feedback(): Locator {
    return this.panel().getByRole("region", { name: "Interviewer feedback", exact: true });
  }

  feedbackForm(): Locator {
    return this.page.locator("form").filter({ has: this.page.getByRole("button", { name: /^(Save feedback|Confirm and save)$/ }) });
  }

  /** Picks a rating of one scorecard attribute. */
  async rate(attribute: string, rating: string) {
    const group = this.feedbackForm().getByRole("radiogroup", { name: attribute });
    await group.getByText(rating, { exact: true }).click();
    await expect(group.getByRole("radio", { name: rating, exact: true })).toBeChecked();
  }

  async recommend(recommendation: string) {
    const group = this.feedbackForm().getByRole("radiogroup", { name: /^Overall recommendation/ });
    await group.getByText(recommendation, { exact: true }).click();
  }

  peopleMet(): Locator {
    return this.panel().getByRole("region", { name: /^People met/ });
  }

  person(name: string): Locator {
    return this.peopleMet().getByRole("listitem").filter({ hasText: name });
  }
}

/** The task list: mine / everyone's; overdue, due, done. */
export class TasksPage {
  constructor(private readonly page: Page) {}

  async goto(tab: "overdue" | "due" | "done" = "overdue") {
    await this.page.goto(tab === "overdue" ? "/tasks" : `/tasks?tab=${tab}`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Tasks" })).toBeVisible();
  }

  tab(name: "Overdue" | "Due" | "Done"): Locator {
    return this.page.getByRole("navigation", { name: "Task states" }).getByRole("link", { name: new RegExp(`^${name}`) });
  }

  row(title: string): Locator {
    return this.page.getByRole("listitem").filter({ hasText: title });
  }
}
