import { expect, test } from "@playwright/test";
import { createFirm, expectAccessible, newSignedInPage } from "./support";
import { OutboxPage } from "./pages/outbox-page";
import { SignInPage } from "./pages/sign-in-page";

test("an admin invites a recruiter, who accepts and signs in", async ({ page, request, browser }) => {
  const firm = await createFirm(request, "invite");
  await new SignInPage(page).signIn(firm.admin.email, firm.password);
  await page.goto("/settings/team");
  await expectAccessible(page);
  const email = `rae-${firm.slug}@example.com`;
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Name").fill("Rae Newhire");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${email}`)).toBeVisible();
  await expect(page.getByRole("cell", { name: email, exact: true })).toBeVisible();

  const path = await new OutboxPage(page).latestLinkTo(email, "/invite/");
  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(path);
  await expect(invitee.getByRole("heading", { name: /Join Firm/ })).toBeVisible();
  await expectAccessible(invitee);
  await invitee.getByLabel(/^New password/).fill("short");
  await invitee.getByLabel("Repeat the new password").fill("short");
  await invitee.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(invitee.locator("#password-error")).toContainText("at least 12");
  await expect(invitee.getByLabel("Your name")).toHaveValue("Rae Newhire");
  await invitee.getByLabel(/^New password/).fill("rae picks a long passphrase");
  await invitee.getByLabel("Repeat the new password").fill("rae picks a long passphrase");
  await invitee.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(invitee).toHaveURL(/\/dashboard$/);
  await expect(invitee.getByRole("heading", { name: "Dashboard" })).toBeVisible();

  // The link is single use.
  const again = await (await browser.newContext()).newPage();
  await again.goto(path);
  await expect(again.getByRole("heading", { name: "Invitation not usable" })).toBeVisible();
  await expect(again.getByText(/already used/)).toBeVisible();
});

test("a signed-out visitor to a staff page signs in and returns to that page", async ({ page, request }) => {
  const firm = await createFirm(request, "return");
  await page.goto("/settings/team?tab=members");
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await expectAccessible(page);
  await new SignInPage(page).signIn(firm.admin.email, firm.password);
  await expect(page).toHaveURL(/\/settings\/team\?tab=members$/);
});

test("a wrong password gets one message and keeps the email", async ({ page, request }) => {
  const firm = await createFirm(request, "wrong");
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.fill(firm.recruiter.email, "definitely not it");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(signIn.formError()).toContainText("Email or password is incorrect.");
  await expect(page.getByLabel("Email")).toHaveValue(firm.recruiter.email);
  await expect(page.getByLabel("Password")).toHaveValue("");
});

test("a candidate lands in the candidate portal and cannot open staff pages", async ({ page, request }) => {
  const firm = await createFirm(request, "portal");
  await new SignInPage(page).signIn(firm.candidateUser.email, firm.password);
  await expect(page).toHaveURL(/\/my\/interviews$/);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" })).toHaveCount(0);
  const res = await page.goto("/dashboard");
  expect(res?.status()).toBe(404);
});

test("sign out everywhere ends a second browser's session", async ({ browser, request }) => {
  const firm = await createFirm(request, "everywhere");
  const first = await newSignedInPage(browser, firm.recruiter.email, firm.password);
  const second = await newSignedInPage(browser, firm.recruiter.email, firm.password);
  await first.goto("/account");
  await expect(first.getByText("Where you are signed in")).toBeVisible();
  await expectAccessible(first);
  await first.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(first).toHaveURL(/\/sign-in/);
  await second.goto("/dashboard");
  await expect(second).toHaveURL(/\/sign-in/);
});

test("a deactivated user's open session stops working", async ({ browser, request }) => {
  const firm = await createFirm(request, "deactivate");
  const recruiter = await newSignedInPage(browser, firm.recruiter.email, firm.password);
  await recruiter.goto("/dashboard");
  await expect(recruiter.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  const admin = await newSignedInPage(browser, firm.admin.email, firm.password);
  await admin.goto("/settings/team");
  await admin.getByRole("button", { name: `Deactivate ${firm.recruiter.name}` }).click();
  await expect(admin.getByRole("button", { name: `Reactivate ${firm.recruiter.name}` })).toBeVisible();
  await recruiter.goto("/dashboard");
  await expect(recruiter).toHaveURL(/\/sign-in/);
  await new SignInPage(recruiter).fill(firm.recruiter.email, firm.password);
  await recruiter.getByRole("button", { name: "Sign in" }).click();
  await expect(new SignInPage(recruiter).formError()).toContainText("Email or password is incorrect.");
});

test("the forgot-password page answers the same for any address", async ({ page }) => {
  await page.goto("/forgot-password");
  await expectAccessible(page);
  await page.getByLabel("Email").fill("nobody-at-all@example.com");
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(page.getByText(/If an account uses that address/)).toBeVisible();
});

test("a recruiter invites a candidate, who accepts and sees only the candidate portal", async ({ page, request, browser }) => {
  const firm = await createFirm(request, "cand-invite");
  const recruiter = await newSignedInPage(browser, firm.recruiter.email, firm.password);
  await recruiter.goto(`/candidates/${firm.otherCandidateId}`);
  await recruiter.getByRole("button", { name: "Invite to the candidate portal" }).click();
  await expect(recruiter.getByText(/Invitation sent/)).toBeVisible();

  // The admin reads the message in the development outbox (no mail server in tests).
  await new SignInPage(page).signIn(firm.admin.email, firm.password);
  const path = await new OutboxPage(page).latestLinkTo(`otto@${firm.slug}.example`, "/invite/");

  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(path);
  await expectAccessible(invitee);
  await invitee.getByLabel(/^New password/).fill("amber lantern over quiet harbor");
  await invitee.getByLabel("Repeat the new password").fill("amber lantern over quiet harbor");
  await invitee.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(invitee).toHaveURL(/\/my\/interviews$/);
  // Otto has no interviews; Cora's (the other candidate of the firm) are not his to see.
  await expect(invitee.getByText("Cora Candidate")).toHaveCount(0);
  for (const staffPath of ["/dashboard", `/candidates/${firm.candidateId}`, `/interviews/${firm.interviewId}`, "/reports"]) {
    const res = await invitee.goto(staffPath);
    expect(res?.status(), staffPath).toBe(404);
  }
  const res = await invitee.goto(`/my/interviews/${firm.interviewId}/debrief`);
  expect(res?.status()).toBe(404);
});

test("a recruiter of another firm gets 404 on this firm's record addresses", async ({ browser, request }) => {
  const firmA = await createFirm(request, "iso-a");
  const firmB = await createFirm(request, "iso-b");
  const outsider = await newSignedInPage(browser, firmB.recruiter.email, firmB.password);
  for (const path of [
    `/candidates/${firmA.candidateId}`,
    `/clients/${firmA.clientId}`,
    `/contacts/${firmA.contactId}`,
    `/jobs/${firmA.jobId}`,
    `/interviews/${firmA.interviewId}`,
  ]) {
    const res = await outsider.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(outsider.getByText("Cora Candidate")).toHaveCount(0);
  }
});

test("a session records the connection's address, not one the browser claims in its headers", async ({ browser, request }) => {
  const firm = await createFirm(request, "forged-ip");
  const context = await browser.newContext({
    extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.77", "X-Afterview-Peer": "203.0.113.78", "X-Real-IP": "203.0.113.79" },
  });
  const page = await context.newPage();
  await new SignInPage(page).signIn(firm.recruiter.email, firm.password);
  await page.goto("/account");
  const mine = page.getByRole("listitem").filter({ hasText: "(this browser)" });
  await expect(mine).toContainText(/· (127\.0\.0\.1|::1)$/);
  await expect(page.getByText(/203\.0\.113\./)).toHaveCount(0);
  await context.close();
});
