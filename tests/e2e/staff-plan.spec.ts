import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./support";
import { DashboardPage } from "./pages/dashboard-pages";
import { SignInPage } from "./pages/sign-in-page";

/** The demo firm (seeded when the e2e server starts): Jordan Ellis, a recruiter at Northwind. */
const RECRUITER = "jordan.ellis@northwind.example";
const DEMO_PASSWORD = "afterview-demo-2026";

function planSection(page: Page) {
  return page.getByRole("region", { name: "The candidate's plan", exact: true });
}

/** One row of the plan's table, by the step's title. */
function step(page: Page, title: string | RegExp) {
  return planSection(page).getByRole("row").filter({ has: page.getByText(title) });
}

test("a recruiter sees the plan the candidate was given, and a warning beside what went against it", async ({ page }) => {
  await new SignInPage(page).signIn(RECRUITER, DEMO_PASSWORD);
  const dashboard = new DashboardPage(page);
  await dashboard.goto("everyone");

  // Maya's debrief came in last night: her plan has two thank-you notes and a call she may make later, not now.
  // One kind at a time lists every item of it: whether her review is overdue yet (folded behind
  // "Show more" among the firm's other overdue work) depends on the hour the test runs.
  await dashboard.count("Debriefs to review").click();
  await expect(page).toHaveURL(/kind=debrief_to_review/);
  await dashboard.item(/^Debrief from Maya Chen to review/).first().click();
  await expect(page).toHaveURL(/\/interviews\/[0-9a-f-]+$/);
  const plan = planSection(page);
  await expect(plan.getByRole("heading", { name: "The candidate's plan" })).toBeVisible();
  await expect(plan).toContainText(/Times are the firm's \(\w+/);
  const notes = plan.getByRole("row").filter({ hasText: /^Send a thank-you note to/ });
  await expect(notes).toHaveCount(2);
  await expect(notes.first()).toContainText(/Due \w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2}/);
  // Each state is said in words, not only in colour.
  await expect(notes.first().getByText(/^(Due|Overdue|Done)$/)).toBeVisible();
  const call = step(page, "Call the interviewer, once");
  await expect(call).toContainText(/Not before \w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2}/);
  await expect(call).toContainText("Not yet allowed");
  await expect(step(page, "Don't visit unannounced")).toContainText("Not allowed");
  await expect(plan.getByRole("heading", { name: "Calls the candidate logged" })).toBeVisible();
  await expect(plan.getByText(/^Warning: /)).toHaveCount(0);
  await expectAccessible(page);

  // Marcus called the interviewer twice after his onsite: the second call is flagged where it is listed.
  await dashboard.goto("everyone");
  await dashboard.count("Repeat calls").click();
  await expect(page).toHaveURL(/kind=repeat_calls/);
  await dashboard.item(/^Marcus Webb has called the interviewer 2 times/).first().click();
  await page.getByRole("link", { name: "Onsite interview" }).first().click();
  await expect(page).toHaveURL(/\/interviews\/[0-9a-f-]+$/);
  const calls = planSection(page).getByRole("listitem").filter({ hasText: /^Called / });
  await expect(calls).toHaveCount(2);
  await expect(calls.nth(1)).toContainText("Warning: Call number 2: the plan allows one.");
  await expect(planSection(page)).toContainText(/The candidate has logged 2 calls/);
  await expectAccessible(page);
});
