import { expect, test } from "@playwright/test";
import { createFirm, expectAccessible } from "./support";
import { DebriefPage } from "./pages/debrief-page";
import { PlanPage } from "./pages/plan-page";
import { SignInPage } from "./pages/sign-in-page";

// The candidate side is designed for a phone first.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

/** "10:05 AM" plus one hour, as the plan writes times. */
function plusOneHour(time: string): string {
  const [, h, m, ampm] = time.match(/^(\d{1,2}):(\d{2}) ([AP]M)$/)!;
  const h24 = ((Number(h) % 12) + (ampm === "PM" ? 12 : 0) + 1) % 24;
  return `${h24 % 12 === 0 ? 12 : h24 % 12}:${m} ${h24 >= 12 ? "PM" : "AM"}`;
}

function inDays(n: number): string {
  return new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
}

test("a candidate fills half a debrief, reloads, finds it, finishes and submits, then sees the plan", async ({ page, request }) => {
  const firm = await createFirm(request, "debrief");
  await new SignInPage(page).signIn(firm.candidateUser.email, firm.password);
  await expect(page).toHaveURL(/\/my\/interviews$/);
  await expect(page.getByRole("heading", { name: "Your next steps" })).toBeVisible();
  await expectAccessible(page);

  const debrief = new DebriefPage(page);
  await debrief.openFirstDue();
  await expectAccessible(page);
  // The scheduled interviewer is already listed among the people met.
  await expect(debrief.person("Ines Interviewer").getByLabel("Name")).toHaveValue("Ines Interviewer");

  await debrief.choose("Overall, how did the interview go?", /^4,/);
  await debrief.field("What went well").fill("We went deep on the migration I led last year.");
  await debrief.saved();

  await page.reload();
  await expect(debrief.answer("Overall, how did the interview go?", /^4,/)).toBeChecked();
  await expect(debrief.field("What went well")).toHaveValue("We went deep on the migration I led last year.");

  await debrief.choose("How interested are you in the job now?", /^5,/);
  await debrief.field(/^Qualifications or experience/).fill("Kubernetes administrator certification");
  await debrief.choose("Did the interviewer say where they are in the hiring process?", "Yes");
  await debrief.field("When do they expect to decide or reply?").fill(inDays(7));
  await debrief.choose("What did the interviewer say about calling them?", "Not invited to call");
  await debrief.choose(/^Were you invited back/, "No");
  const start = await debrief.startTime();
  await debrief.submit();

  await expect(page).toHaveURL(/\/my\/plan\/[0-9a-f-]+\?submitted=1$/);
  await expect(page.getByText("Debrief sent", { exact: true })).toBeVisible();
  const plan = new PlanPage(page);
  await plan.expectOpen();
  // rule 2: the note to each person met is due 24 hours after the interview's end (it lasted an hour).
  const note = plan.step("Send a thank-you note to Ines Interviewer");
  await expect(note).toContainText(new RegExp(`(Was due|Due) (today|yesterday) (at|by) ${plusOneHour(start)}\\.`));
  await expect(note).toContainText("within 24 hours of the interview's end");
  await expect(note).toContainText("Kubernetes administrator certification");
  // rule 4: a promised date allows one call, 3 business days after it, and only then.
  await expect(plan.step("Call the interviewer, once")).toContainText(/Allowed only on \w{3} \d{1,2} \w{3}, 9:00 AM–5:00 PM\./);
  await expect(plan.step("Don't visit unannounced")).toBeVisible();
  await expect(plan.step("Wait for the employer's decision")).toBeVisible();
  await expectAccessible(page);

  // Ticking the note off from the plan.
  await note.getByRole("button", { name: /^Mark as sent/ }).click();
  await expect(plan.step("Send a thank-you note to Ines Interviewer")).toContainText(/Sent today at/);

  // The debrief can be amended; the plan page and the interviews page say where things stand.
  await page.goto("/my/interviews");
  await expect(page.getByText("Debrief sent").first()).toBeVisible();
  await page.getByRole("link", { name: /^View or amend/ }).first().click();
  await expect(page.getByText("Submitted to your recruiter")).toBeVisible();
  await expect(page.getByRole("button", { name: "Submit amendment" })).toBeVisible();
});

test("a draft survives an ended session and is saved after signing in again", async ({ page, request, context }) => {
  const firm = await createFirm(request, "expiry");
  await new SignInPage(page).signIn(firm.candidateUser.email, firm.password);
  const debrief = new DebriefPage(page);
  await debrief.openFirstDue();
  await debrief.field("What went well").fill("Typed while signed in.");
  await debrief.saved();

  await context.clearCookies();
  await debrief.field("Concerns or hard moments").fill("Typed after the session ended.");
  await expect(page.getByText("Not saved: signed out")).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId("save-status")).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Sign in again" }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await new SignInPage(page).signIn(firm.candidateUser.email, firm.password);
  await expect(page).toHaveURL(/\/my\/interviews\/[0-9a-f-]+\/debrief$/);
  await expect(page.getByText(/had not reached the server yet/)).toBeVisible();
  await expect(debrief.field("What went well")).toHaveValue("Typed while signed in.");
  await expect(debrief.field("Concerns or hard moments")).toHaveValue("Typed after the session ended.");
  await debrief.saved();

  // It reached the server: a fresh page (and no local copy) still has it.
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  await expect(debrief.field("Concerns or hard moments")).toHaveValue("Typed after the session ended.");
});

test("an incomplete debrief points at each missing answer, and bad input stays as typed", async ({ page, request }) => {
  const firm = await createFirm(request, "badinput");
  await new SignInPage(page).signIn(firm.candidateUser.email, firm.password);
  const debrief = new DebriefPage(page);
  await debrief.openFirstDue();

  const email = debrief.person("Ines Interviewer").getByLabel("Email");
  await email.fill("ines at client");
  await email.blur();
  await expect(debrief.errorOf("people-0-email")).toContainText("Enter a valid email address for Ines Interviewer");
  await debrief.choose("Did the interviewer say where they are in the hiring process?", "Yes");
  await debrief.field("When do they expect to decide or reply?").fill("2001-01-01");
  await debrief.field("When do they expect to decide or reply?").blur();
  await expect(debrief.errorOf("expectedDecisionOn")).toContainText("before the interview");

  await debrief.submit();
  await expect(page.locator("#form-error")).toContainText("need attention before you can submit");
  await expect(debrief.errorOf("overallImpression")).toContainText("Choose how the interview went overall");
  await expect(page.locator("#overallImpression")).toBeFocused();
  await expect(email).toHaveValue("ines at client");
  await expect(page.getByText(/^\d+ answers need attention$/)).toBeVisible();
  await expectAccessible(page);

  // Text stops at its limit, with a visible counter.
  const limited = debrief.field("Salary or terms discussed");
  await limited.fill("x".repeat(1005));
  await expect(limited).toHaveValue("x".repeat(1000));
  await expect(page.getByText("1000 / 1000")).toBeVisible();

  // Someone else's interview is simply not there (the page streams, so the answer is the not-found page).
  await page.goto(`/my/interviews/${firm.clientId}/debrief`);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("a debrief still goes through when the answer to an earlier autosave was lost", async ({ page, request }) => {
  const firm = await createFirm(request, "lost-save");
  await new SignInPage(page).signIn(firm.candidateUser.email, firm.password);
  const debrief = new DebriefPage(page);
  await debrief.openFirstDue();
  await debrief.choose("Overall, how did the interview go?", /^4,/);
  await debrief.choose("How interested are you in the job now?", /^4,/);
  await debrief.choose("Did the interviewer say where they are in the hiring process?", "Yes");
  await debrief.field("When do they expect to decide or reply?").fill(inDays(7));
  await debrief.choose("What did the interviewer say about calling them?", "Not invited to call");
  await debrief.choose(/^Were you invited back/, "No");
  await debrief.saved();

  // The next autosave reaches the server (which stores it and moves the debrief's version on), but its
  // answer never reaches the page — as when a response is cut off. The page still holds the old version.
  let armed = true;
  let lost = false;
  await page.route("**/my/interviews/*/debrief", async (route) => {
    if (armed && route.request().method() === "POST") {
      armed = false;
      await route.fetch();
      await route.abort("failed");
      lost = true;
      return;
    }
    await route.fallback();
  });
  await debrief.field("What went well").fill("The design exercise went well.");
  await debrief.field("What went well").blur();
  await expect.poll(() => lost).toBe(true);

  // Submitting on the old version meets the server's copy of the same draft: it is sent, not silently dropped.
  await debrief.submit();
  await expect(page).toHaveURL(/\/my\/plan\/[0-9a-f-]+\?submitted=1$/);
  await expect(page.getByText("Debrief sent", { exact: true })).toBeVisible();
});
