import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, newSignedInPage } from "./support";
import { InterviewerLinksCard, LinkFeedbackPage } from "./pages/feedback-link-pages";
import { InterviewReviewPage } from "./pages/dashboard-pages";
import { OutboxPage } from "./pages/outbox-page";
import { PlanPage } from "./pages/plan-page";
import { SignInPage } from "./pages/sign-in-page";

/**
 * Feedback links in the demo firm (seeded when the e2e server starts), which
 * every spec shares. This spec changes two interviews no other spec reads:
 * Maya Chen's video interview at Pinegrove (debrief filed and reviewed, "just
 * waiting") and Daniel Brooks's video interview at Northstar.
 */
const DEMO_PASSWORD = "afterview-demo-2026";
const RECRUITER = "jordan.ellis@northwind.example";
const ADMIN = "admin@northwind.example";
const MAYA = "maya.chen@mail.example";
const FIRM = "Northwind Talent Partners";

/** A phone, for the client's interviewer, who opens the link from their email. */
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

/** Opens a candidate's interview of one kind from their record, as a recruiter would. */
async function openInterview(page: Page, candidate: string, kind: string, client: string) {
  await page.goto(`/candidates?q=${encodeURIComponent(candidate)}`);
  await page.getByRole("link", { name: candidate, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: candidate })).toBeVisible();
  await page.getByRole("link", { name: `${kind} interview`, exact: true }).first().click();
  await expect(page).toHaveURL(/\/interviews\/[0-9a-f-]+$/);
  await expect(page.getByRole("heading", { level: 1, name: `${kind} interview: ${candidate}` })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(`at ${client}`);
  return new URL(page.url()).pathname.split("/").pop()!;
}

/** The link in the newest mail to this address, read in the development outbox by the firm's admin. */
async function linkMailedTo(browser: Browser, email: string): Promise<string> {
  const admin = await newSignedInPage(browser, ADMIN, DEMO_PASSWORD);
  const path = await new OutboxPage(admin).latestLinkTo(email, "/feedback/");
  await admin.context().close();
  expect(path).toMatch(/^\/feedback\/[A-Za-z0-9_-]{40,}$/);
  return path;
}

/** A browser of its own, with no cookies: the client's interviewer has no account. */
async function phoneWithNoSession(browser: Browser): Promise<Page> {
  const context = await browser.newContext(PHONE);
  expect(await context.cookies()).toEqual([]);
  return context.newPage();
}

async function expectFitsThePhone(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "no sideways scrolling on a phone").toBeLessThanOrEqual(0);
}

test("an interviewer answers through the emailed link on a phone; the recruiter sees it beside the debrief and confirms the decision, which changes the candidate's plan", async ({
  page,
  browser,
}) => {
  // 1. Jordan opens Maya's video interview at Pinegrove: it has ended and her debrief is in.
  await new SignInPage(page).signIn(RECRUITER, DEMO_PASSWORD);
  const interviewId = await openInterview(page, "Maya Chen", "Video", "Pinegrove Software");
  const review = new InterviewReviewPage(page);
  await expect(review.debrief()).toContainText("Submitted");
  await expect(review.stage()).toContainText("Interviewing");
  const when = /· \w{3} (\d{1,2}) (\w{3}) (\d{4}),/.exec(await page.getByRole("main").innerText());
  expect(when, "the interview's date on the staff page").toBeTruthy();
  const [, day, month, year] = when!;
  // Free text of the debrief and of the feedback already recorded: none of it may reach the client.
  const privateLines = (await review.panel().innerText())
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length >= 30 && !/^(The people|What the candidate|No feedback)/.test(l));
  expect(privateLines.length).toBeGreaterThan(2);

  const links = new InterviewerLinksCard(page);
  const [interviewer] = await links.names();
  expect(interviewer).toBeTruthy();
  const person = links.person(interviewer!);
  const email = (await person.getByRole("link", { name: /@/ }).innerText()).trim();
  await links.request(interviewer!);
  await expect(person).toContainText("Link sent");

  // 2. The interviewer opens the link from the mail on a phone, signed in nowhere.
  const path = await linkMailedTo(browser, email);
  const phone = await phoneWithNoSession(browser);
  const form = new LinkFeedbackPage(phone);
  await form.open(path);
  await expect(form.heading()).toHaveText("Your feedback on Maya Chen");
  await expect(phone.getByText(new RegExp(`^Solutions Architect · interview on \\w+ ${day} ${month}\\w* ${year}$`))).toBeVisible();
  const shown = await phone.locator("body").innerText();
  for (const line of privateLines) expect(shown, "the link page shows no debrief or internal text").not.toContain(line);
  for (const secret of [MAYA, "Internal notes", "Jordan Ellis", "debrief", "Pinegrove"]) expect(shown).not.toContain(secret);
  await expectFitsThePhone(phone);
  await expectAccessible(phone);
  await page.reload();
  await expect(person).toContainText("Link opened");

  // Ratings that contradict how Maya felt (she rated the interview 4/5), a "Definitely not" and a rejection.
  const scorecard = phone.getByRole("region", { name: "Scorecard" });
  const attributes = await scorecard.getByRole("radiogroup").evaluateAll((groups) =>
    groups.map((g) => document.getElementById(g.getAttribute("aria-labelledby")!)!.textContent!.trim()),
  );
  expect(attributes.length).toBeGreaterThanOrEqual(3);
  await form.rate(attributes[0]!, "No");
  await form.rate(attributes[1]!, "Definitely not");
  await form.rate(attributes[2]!, "Mixed");
  await form.recommend("Definitely not");
  await form.field("Strengths").fill("Knows integration patterns well.");
  await form.field("Concerns").fill("Could not handle the skeptical-CIO role play; we need more presence with customers.");
  await form.decide("Reject");
  await form.send();
  await expect(form.heading()).toHaveText("Thank you for your feedback");
  await expect(phone.getByText(FIRM, { exact: true })).toBeVisible();
  await expect(phone.getByRole("button", { name: "Send feedback" })).toHaveCount(0);
  await expectAccessible(phone);

  // 3. Jordan sees the answer beside Maya's debrief, with the disagreement flagged, and the badge says Answered.
  await page.reload();
  await expect(review.debrief()).toBeVisible();
  const flags = page.getByRole("region", { name: "Where the debrief and the feedback disagree" });
  await expect(flags).toContainText("Maya felt it went well; the client says no");
  await expect(flags).toContainText("Maya rated the interview 4/5, but the client recommends “Definitely not”.");
  const entry = review.feedback().locator("div").filter({ hasText: `From ${interviewer}, through the link` }).filter({ has: page.getByText("Concerns", { exact: true }) }).last();
  await expect(entry).toContainText("Could not handle the skeptical-CIO role play");
  await expect(entry).toContainText("Knows integration patterns well.");
  await expect(entry).toContainText("Recommends: Reject");
  await expect(entry).toContainText("Definitely not");
  await expect(person).toContainText("Answered");
  await expect(person.getByRole("button", { name: /Request feedback|Send a new link/ })).toHaveCount(0);
  await expectAccessible(page);

  // Until a recruiter confirms it, the interviewer's decision is only a recommendation: Maya still waits.
  const maya = await newSignedInPage(browser, MAYA, DEMO_PASSWORD);
  await maya.goto("/my/plan");
  await maya.getByRole("link", { name: "Open plan for Pinegrove Software" }).click();
  await expect(maya).toHaveURL(new RegExp(`/my/plan/${interviewId}$`));
  const plan = new PlanPage(maya);
  await plan.expectOpen();
  const wait = plan.step("Wait for the employer's decision");
  await expect(wait).toContainText("Waiting");
  await expect(wait).not.toContainText("decision has reached your recruiter");

  // 4. One click confirms it as the client's decision, and the application moves.
  await entry.getByRole("button", { name: "Confirm Reject as the client's decision" }).click();
  await expect(page.getByText("Confirmed as the client's decision. The application moved from Interviewing to Rejected.")).toBeVisible();
  await page.reload();
  await expect(review.stage()).toContainText("Rejected");
  await expect(review.feedback().getByText("Decision: Reject")).toBeVisible();
  await expect(review.feedback().getByRole("button", { name: /^Confirm .* as the client's decision$/ })).toHaveCount(0);

  // Maya's plan for that interview no longer asks her to wait.
  await maya.reload();
  await expect(wait).not.toContainText("Waiting");
  await expect(wait).toContainText("Done");
  await expect(wait).toContainText("The employer's decision has reached your recruiter, so there is nothing more to wait for.");
  await expectAccessible(maya);

  // 5. The link now shows only the thank-you.
  await phone.reload();
  await expect(form.heading()).toHaveText("Thank you for your feedback");
  await expect(phone.getByRole("button", { name: "Send feedback" })).toHaveCount(0);
  await expect(phone.locator("body")).not.toContainText("Maya");
});

test("a made-up link names no firm; a withdrawn link names only the firm", async ({ page, browser }) => {
  const phone = await phoneWithNoSession(browser);
  const notice = new LinkFeedbackPage(phone);
  for (const token of [randomBytes(32).toString("base64url"), "not-a-token"]) {
    await notice.open(`/feedback/${token}`);
    await expect(notice.heading()).toHaveText("This link doesn't work");
    await expect(phone.locator("body")).not.toContainText("Northwind");
  }
  await expectAccessible(phone);

  // Jordan asks one of the interviewers of Daniel's video interview, then withdraws the link.
  await new SignInPage(page).signIn(RECRUITER, DEMO_PASSWORD);
  await openInterview(page, "Daniel Brooks", "Video", "Northstar Robotics");
  const links = new InterviewerLinksCard(page);
  const names = await links.names();
  expect(names.length).toBeGreaterThanOrEqual(2);
  const interviewer = names.at(-1)!;
  const person = links.person(interviewer);
  const email = (await person.getByRole("link", { name: /@/ }).innerText()).trim();
  await links.request(interviewer);
  const path = await linkMailedTo(browser, email);
  await links.withdraw(interviewer);
  await expect(person).toContainText("Link withdrawn");

  await notice.open(path);
  await expect(notice.heading()).toHaveText("This link no longer works");
  await expect(phone.getByText(FIRM, { exact: true })).toBeVisible();
  const shown = await phone.locator("body").innerText();
  for (const secret of ["Daniel", "Controls Engineer", "Northstar", interviewer]) expect(shown).not.toContain(secret);
  await expect(phone.getByRole("button", { name: "Send feedback" })).toHaveCount(0);
  await expectAccessible(phone);
});
