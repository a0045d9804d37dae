import { expect, test, type Browser, type Page } from "@playwright/test";
import { createFirm, expectAccessible } from "./support";
import { SignInPage } from "./pages/sign-in-page";

/**
 * Submitting a debrief never fails silently. The cause found: before the page's script has
 * hydrated the form, *Submit debrief* was a plain submit button of a form without an action, so a
 * tap then made the browser GET the same page with every answer in the address; the page came back
 * as it was, with the answers gone and no message. Answers tapped or typed before hydration were also
 * only in the controls, not in the form's draft. Now the button waits for the script, and what was
 * answered before is taken into the draft.
 */

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });
const RUNS = 20;
const CPU_SLOWDOWN = 4;
const REQUIRED = '[role="radiogroup"][aria-required="true"]';

/** Taps an answer to every required question as soon as the form is in the page, script or not. */
async function answerRequiredAtOnce(page: Page) {
  await page.locator(REQUIRED).first().waitFor();
  await page.evaluate((selector) => {
    for (const group of Array.from(document.querySelectorAll(selector))) {
      const radios = Array.from(group.querySelectorAll<HTMLInputElement>('input[type="radio"]'));
      // "No" where the question has it (no follow-up date to give), else the scale's top answer.
      const pick = radios.find((r) => /^Not?\b/.test(r.getAttribute("aria-label") ?? "")) ?? radios.at(-1);
      pick?.click();
    }
  }, REQUIRED);
}

async function expectAnswersKept(page: Page) {
  const groups = page.locator(REQUIRED);
  const count = await groups.count();
  for (let i = 0; i < count; i++) {
    await expect(groups.nth(i).locator("input:checked"), `question ${i + 1} lost its answer`).toHaveCount(1);
  }
}

/**
 * How one submission ended: on the plan, or — once the button is no longer busy sending — with a
 * message the candidate can see (an alert, or a status such as "could not be sent").
 */
async function outcome(page: Page): Promise<"plan" | "message"> {
  // In the page's main content: the router's announcer of the next page's title is no answer.
  const message = page
    .locator("main")
    .locator('[role="alert"], [role="status"]')
    .filter({ hasText: /\S/ })
    // Not answers that mean "wait": earlier changes restored, or sent and the plan on its way.
    .filter({ hasNotText: /had not reached the server yet|Opening your plan/ })
    .filter({ visible: true });
  const sending = page.getByRole("button", { name: /^(Sending…|Submit debrief)$/, disabled: true });
  let seen = "nothing" as "plan" | "message" | "nothing";
  await expect
    .poll(
      async () => {
        if (/\/my\/plan\/[0-9a-f-]+\?submitted=\d+$/.test(page.url())) seen = "plan";
        else if (/\/debrief$/.test(page.url()) && (await sending.count()) === 0 && (await message.count()) > 0) seen = "message";
        else seen = "nothing";
        return seen;
      },
      { timeout: 30_000, message: "nothing happened after Submit debrief" },
    )
    .not.toBe("nothing");
  if (seen === "message") {
    // The next page's content can show a moment before its address: a message counts once it stays.
    await page.waitForTimeout(2_000);
    if (/\/my\/plan\/[0-9a-f-]+\?submitted=\d+$/.test(page.url())) seen = "plan";
  }
  return seen as "plan" | "message";
}

/** A fresh firm, and its candidate signed in through Auth.js's own endpoint (quicker than the sign-in page). */
async function candidatePage(browser: Browser, request: Parameters<typeof createFirm>[0], label: string) {
  const firm = await createFirm(request, label);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
  const page = await context.newPage();
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: firm.candidateUser.email, password: firm.password, callbackUrl: "/my/interviews" },
    maxRedirects: 0,
  });
  return { firm, context, page };
}

/** Opens the debrief form without waiting for it to be ready (signing in on the way if the quick way did not). */
async function openDebrief(page: Page, interviewId: string, email: string, password: string) {
  await page.goto(`/my/interviews/${interviewId}/debrief`, { waitUntil: "commit" });
  if (page.url().includes("/sign-in")) {
    await new SignInPage(page).signIn(email, password);
    await expect(page).toHaveURL(/\/debrief$/);
  }
}

test("a debrief submitted the moment the button shows, on a slow CPU, ends on the plan, 20 times out of 20", async ({
  browser,
  request,
}) => {
  test.setTimeout(360_000);
  const outcomes: string[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const started = Date.now();
    const { firm, context, page } = await candidatePage(browser, request, `load-${run}`);
    try {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
      // No waiting for the page to be ready: answer and submit as soon as the controls are there.
      await openDebrief(page, firm.interviewId, firm.candidateUser.email, firm.password);
      await answerRequiredAtOnce(page);
      await page.getByRole("button", { name: "Submit debrief" }).click();
      const end = await outcome(page);
      outcomes.push(end);
      if (end === "message") await expectAnswersKept(page);
      console.log(`run ${run}: ${end} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } finally {
      await context.close();
    }
  }
  // Every run answered every required question, so every run reaches the plan.
  expect(outcomes, `outcomes: ${outcomes.join(", ")}`).toEqual(Array(RUNS).fill("plan"));
});

test("answers given before the form's script runs are kept and submitted; the button waits for the script", async ({
  browser,
  request,
}) => {
  const { firm, context, page } = await candidatePage(browser, request, "early");
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  try {
    // Hold the page's scripts back: the form is the server's HTML only, as on a slow phone.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/_next/static/**/*.js", async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(`/my/interviews/${firm.interviewId}/debrief`, { waitUntil: "commit" });
    await answerRequiredAtOnce(page);
    await page.getByLabel("What went well", { exact: true }).fill("We went deep on the migration I led last year.");
    await page.getByLabel(/^Qualifications or experience/).fill("Kubernetes administrator certification");

    // Before the script runs the button cannot submit: a native submit would have been a GET of this
    // page with the answers in the address, and a reload without them.
    const submit = page.getByRole("button", { name: "Submit debrief" });
    await expect(submit).toBeDisabled();
    // Enter in a one-line field would submit a form implicitly: not while the button waits.
    await page.getByRole("group", { name: "Ines Interviewer" }).getByLabel("Name").press("Enter");
    expect(page.url()).toMatch(/\/debrief$/);

    release();
    await expect(submit).toBeEnabled();
    await expectAnswersKept(page);
    await expect(page.getByLabel("What went well", { exact: true })).toHaveValue("We went deep on the migration I led last year.");
    await submit.click();
    await expect(page).toHaveURL(/\/my\/plan\/[0-9a-f-]+\?submitted=1$/);
    await expect(page.getByText("Debrief sent", { exact: true })).toBeVisible();

    // The server has what was typed before hydration: the thank-you draft quotes it (rule 2).
    const write = page.getByRole("link", { name: /^Write to Ines Interviewer/ });
    await expect(write).toBeVisible();
    const href = decodeURIComponent((await write.getAttribute("href")) ?? "");
    expect(href).toMatch(/^mailto:ines@[^?]+\?subject=Thank you: Platform Engineer interview&body=Dear Ines,/);
    expect(href).toContain("we went deep on the migration I led last year.");
    expect(href).toContain("One thing I did not get to mention: Kubernetes administrator certification.");
    await page.getByRole("button", { name: /^Copy the note/ }).click();
    await expect(page.getByRole("status").filter({ hasText: /^Copied$/ })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain("Kubernetes administrator certification");
    await expectAccessible(page);
  } finally {
    await context.close();
  }
});
