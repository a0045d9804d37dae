import { expect, test } from "@playwright/test";
import { createFirm, expectAccessible, newSignedInPage } from "./support";
import { DashboardPage, InterviewReviewPage, TasksPage } from "./pages/dashboard-pages";
import { DebriefPage } from "./pages/debrief-page";
import { BoardPage } from "./pages/records-pages";
import { SignInPage } from "./pages/sign-in-page";

function inDays(n: number): string {
  return new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
}

const INTERNAL = "INTERNAL-E2E: panel split, budget may stretch";
const TAKEAWAY = "TAKEAWAY-E2E: strong on migrations";

test("a recruiter clears the work a debrief brings: review, feedback with a decision, a new contact, a task", async ({ browser, request }) => {
  test.setTimeout(240_000);
  const firm = await createFirm(request, "dash");

  // The candidate files a debrief: felt great, met someone new, forgot a certification.
  const candidate = await newSignedInPage(browser, firm.candidateUser.email, firm.password);
  const debrief = new DebriefPage(candidate);
  await debrief.openFirstDue();
  await debrief.choose("Overall, how did the interview go?", /^5,/);
  await debrief.choose("How interested are you in the job now?", /^4,/);
  await debrief.field("What went well").fill("Whiteboard session on the data migration went well.");
  await debrief.field(/^Qualifications or experience/).fill("Kubernetes administrator certification");
  await candidate.getByRole("button", { name: "Add someone you met" }).click();
  await candidate.keyboard.type("Pat Newcontact");
  await debrief.person("Pat Newcontact").getByLabel("Job title").fill("Staff Engineer");
  await debrief.person("Pat Newcontact").getByLabel("Email").fill("pat.newcontact@client.example");
  await debrief.choose("Did the interviewer say where they are in the hiring process?", "Yes");
  await debrief.field("When do they expect to decide or reply?").fill(inDays(7));
  await debrief.choose("What did the interviewer say about calling them?", "Not invited to call");
  await debrief.choose(/^Were you invited back/, "No");
  await debrief.submit();
  await expect(candidate).toHaveURL(/\/my\/plan\/[0-9a-f-]+\?submitted=1$/);

  // The recruiter's dashboard shows it, with the counts on top.
  const page = await newSignedInPage(browser, firm.recruiter.email, firm.password);
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await expect(dashboard.count("Debriefs to review")).toContainText("1");
  const item = dashboard.item("Debrief from Cora Candidate to review");
  await expect(item).toBeVisible();
  await expect(item).toHaveAttribute("href", `/interviews/${firm.interviewId}`);
  await expectAccessible(page);

  // The application is back at Submitted (moved on the job board), so "next round" will move it.
  await page.goto(`/jobs/${firm.jobId}`);
  const board = new BoardPage(page);
  await board.moveByKeyboard("Cora Candidate", "Submitted");
  await expect(board.column("Submitted").getByRole("link", { name: "Cora Candidate", exact: true })).toBeVisible();

  const review = new InterviewReviewPage(page);
  await review.open(firm.interviewId);
  await expect(review.stage()).toContainText("Submitted");
  await expect(review.debrief()).toContainText("Whiteboard session on the data migration went well.");
  await expect(page.getByText("Cora did not get to mention a qualification")).toBeVisible();
  await expect(review.panel()).toContainText("One thing Cora did not get to mention in the interview: Kubernetes administrator certification.");
  await expectAccessible(page);

  // Review the debrief.
  await review.debrief().getByRole("button", { name: "Mark reviewed" }).click();
  await expect(review.debrief().getByText("Reviewed", { exact: true })).toBeVisible();

  // Record feedback with the decision "next round": a confirmation first, then the stage moves.
  await review.feedback().getByRole("button", { name: "Record feedback" }).click();
  const form = review.feedbackForm();
  await expect(form.getByLabel(/^Who gave it/)).toHaveValue(firm.contactId);
  await review.recommend("Yes");
  await form.getByLabel("Key take-aways").fill(TAKEAWAY);
  await form.getByLabel("Summary for the candidate").fill("They enjoyed the whiteboard session.");
  await form.getByLabel("Internal notes").fill(INTERNAL);
  await form.getByLabel("The client's decision").selectOption("next_round");
  await expectAccessible(page);
  await form.getByRole("button", { name: "Save feedback" }).click();
  await expect(page.getByRole("heading", { name: "Confirm the decision “Next round”" })).toBeFocused();
  await expect(page.getByText("This moves Cora Candidate's application from Submitted to Interviewing.")).toBeVisible();
  await expect(review.stage()).toContainText("Submitted");
  await page.getByRole("button", { name: "Confirm and save" }).click();
  await expect(page.getByText("Feedback recorded. The application moved from Submitted to Interviewing.")).toBeVisible();
  await expect(review.stage()).toContainText("Interviewing");
  await expect(review.feedback()).toContainText("Decision: Next round");
  await expect(review.feedback()).toContainText(INTERNAL);

  // Confirm the person met as a contact of the client.
  const pat = review.person("Pat Newcontact");
  await pat.getByRole("button", { name: "Add Pat Newcontact as a new contact" }).click();
  await expect(pat.getByLabel("Email")).toHaveValue("pat.newcontact@client.example");
  await pat.getByRole("button", { name: /^Add Pat Newcontact to / }).click();
  await expect(pat.getByText("Contact", { exact: true })).toBeVisible();
  await expectAccessible(page);

  // Complete a task.
  const tasks = new TasksPage(page);
  await tasks.goto("due");
  await page.getByRole("button", { name: "New task" }).click();
  await page.getByLabel("What needs doing").fill("Send Cora's updated résumé to the client");
  await page.getByRole("button", { name: "Add task" }).click();
  await expect(tasks.row("Send Cora's updated résumé to the client")).toBeVisible();
  await expectAccessible(page);
  // Hand it to the admin and take it back: each row's dialog offers the firm's staff.
  const reassign = async (owner: string) => {
    await tasks.row("Send Cora's updated résumé to the client").getByRole("button", { name: "Reassign “Send Cora's updated résumé to the client”" }).click();
    const dialog = page.getByRole("dialog", { name: "Reassign task" });
    await dialog.getByLabel("New owner").selectOption({ label: owner });
    await dialog.getByRole("button", { name: "Reassign" }).click();
    await expect(dialog).toBeHidden();
  };
  await reassign(firm.admin.name);
  await expect(tasks.row("Send Cora's updated résumé to the client")).toHaveCount(0);
  await page.goto("/tasks?view=everyone&tab=due");
  await expect(tasks.row("Send Cora's updated résumé to the client")).toContainText(firm.admin.name);
  await reassign(firm.recruiter.name);
  await tasks.goto("due");
  await tasks.row("Send Cora's updated résumé to the client").getByRole("button", { name: /^Mark “Send Cora's updated résumé to the client” done$/ }).click();
  await expect(tasks.row("Send Cora's updated résumé to the client")).toHaveCount(0);
  await tasks.tab("Done").click();
  await expect(tasks.row("Send Cora's updated résumé to the client")).toContainText("Done");

  // Nothing of it waits on the dashboard any more.
  await dashboard.goto();
  await expect(dashboard.item("Debrief from Cora Candidate to review")).toHaveCount(0);

  // The candidate's pages never show the client's private notes.
  for (const path of ["/my/interviews", "/my/plan", `/my/plan/${firm.interviewId}`, `/my/interviews/${firm.interviewId}/debrief`]) {
    const res = await candidate.goto(path);
    expect(res?.status(), path).toBe(200);
    const text = await candidate.locator("body").innerText();
    expect(text, path).not.toContain("INTERNAL-E2E");
    expect(text, path).not.toContain("TAKEAWAY-E2E");
    const html = await candidate.content();
    expect(html, path).not.toContain("INTERNAL-E2E");
  }
  await expectAccessible(candidate);
});

test("the dashboard is calm when nothing is due, and the views switch by URL", async ({ page, request }) => {
  const firm = await createFirm(request, "dashempty");
  await new SignInPage(page).signIn(firm.admin.email, firm.password);
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await expect(page.getByText("Nothing needs you right now")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("navigation", { name: "Whose work" }).getByRole("link", { name: "Everyone's" }).click();
  await expect(page).toHaveURL(/\/dashboard\?view=everyone$/);
  // Rita's candidate's interview ended yesterday without a debrief: it is the firm's work, not the admin's.
  await expect(dashboard.item("No debrief yet from Cora Candidate")).toBeVisible();
  await expectAccessible(page);
});

test("an admin edits the scorecard, and the feedback form offers it", async ({ page, request }) => {
  const firm = await createFirm(request, "scorecard");
  await new SignInPage(page).signIn(firm.admin.email, firm.password);
  await page.goto("/settings/scorecard");
  await expect(page.getByText("No attributes yet")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Category").fill("Fit");
  await page.getByLabel("Attribute").fill("Curiosity");
  await page.getByRole("button", { name: "Add attribute" }).click();
  await expect(page.getByText("“Curiosity” added to Fit.")).toBeVisible();
  await page.getByLabel("Category").fill("Fit");
  await page.getByLabel("Attribute").fill("Curiosity");
  await page.getByRole("button", { name: "Add attribute" }).click();
  await expect(page.locator("#new-name-error")).toContainText("Fit already has an attribute with this name.");
  await expect(page.getByLabel("Attribute")).toBeFocused();

  const review = new InterviewReviewPage(page);
  await review.open(firm.interviewId);
  await review.feedback().getByRole("button", { name: "Record feedback" }).click();
  await review.rate("Curiosity", "Strong yes");
  await expectAccessible(page);
});
