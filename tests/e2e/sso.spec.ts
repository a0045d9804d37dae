import { expect, test, type Browser, type Page } from "@playwright/test";
import { startOidcProvider, type TestOidcProvider } from "../helpers/oidc-provider";
import { createFirm, expectAccessible, newSignedInPage } from "./support";
import type { TestFirm } from "@/db/test-firm";

/**
 * Single sign-on against a real OpenID provider (oidc-provider, started here
 * on 127.0.0.1; the e2e server runs with OUTBOUND_ALLOW_PRIVATE=1). A firm of
 * this spec's own: its admin sets the provider up in the settings page, and
 * its recruiter signs in through it. The steps share the provider and the
 * firm, so they run in order.
 */
test.describe.configure({ mode: "serial" });

let idp: TestOidcProvider;
let firm: TestFirm;
let admin: Page;

/** The recruiter's account at the provider: its subject and the work email it asserts. */
const RECRUITER_LOGIN = "rita";

async function startSso(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Continue with single sign-on" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in with single sign-on" })).toBeVisible();
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Continue" }).click();
  return page;
}

async function loginAtProvider(page: Page, login: string) {
  await expect(page).toHaveURL(new RegExp(`^${idp.issuer}/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

async function expectSignedOut(page: Page) {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
}

test.beforeAll(async ({ browser, request }) => {
  firm = await createFirm(request, "sso");
  admin = await newSignedInPage(browser, firm.admin.email, firm.password);
});

test.afterAll(async () => {
  await admin?.context().close();
  await idp?.stop();
});

test("an admin registers the firm's provider, tests the connection and switches single sign-on on", async ({ baseURL }) => {
  await admin.goto("/settings");
  await admin.getByRole("link", { name: /Single sign-on/ }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Single sign-on" })).toBeVisible();
  const redirectUri = (await admin.getByLabel("Redirect URI").textContent())!.trim();
  expect(redirectUri).toBe(`${baseURL}/api/auth/callback/sso-${firm.firmId}`);

  // The provider registers Afterview with the redirect URI the page shows.
  idp = await startOidcProvider({ redirectUris: [redirectUri] });
  idp.setAccount(RECRUITER_LOGIN, { sub: "idp|rita-0001", email: firm.recruiter.email, email_verified: true, name: firm.recruiter.name });
  idp.setAccount("stranger", { sub: "idp|stranger", email: "stranger@test.example", email_verified: true, name: "Stranger" });

  await admin.getByLabel("Issuer URL").fill(idp.issuer);
  await admin.getByLabel("Client ID").fill(idp.clientId);
  await admin.getByLabel("Client secret").fill(idp.clientSecret);
  await admin.getByLabel("Email domains").fill("test.example");
  await admin.getByRole("button", { name: "Save provider" }).click();
  await expect(admin.getByText("Saved. Test the connection")).toBeVisible();

  await admin.getByRole("button", { name: "Test connection" }).click();
  await expect(admin.getByText(/Connected to .*signing key/).first()).toBeVisible();
  await admin.getByLabel("Offer “Continue with single sign-on” to the firm’s staff").check();
  await admin.getByRole("button", { name: "Save", exact: true }).click();
  await expect(admin.getByText("Single sign-on is on: staff may use it or their password.")).toBeVisible();
  await expectAccessible(admin);
});

test("a recruiter signs in through the provider and lands on the dashboard; the callback cannot be replayed", async ({ browser }) => {
  const page = await startSso(browser, firm.recruiter.email);
  let callback = "";
  page.on("request", (r) => {
    if (r.url().includes("/api/auth/callback/")) callback = r.url();
  });
  await loginAtProvider(page, RECRUITER_LOGIN);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("button", { name: new RegExp(firm.recruiter.name) }).first()).toBeVisible();
  expect(callback).toMatch(/[?&]code=.*[?&]?state=/);

  // The same answer again, in another browser (no state cookie) or in this one (its state spent): no session.
  const replay = await (await browser.newContext()).newPage();
  await replay.goto(callback);
  await expect(replay).toHaveURL(/\/sign-in\?error=/);
  await expect(replay.getByRole("main")).toContainText("Single sign-on did not complete");
  await expectSignedOut(replay);
  await replay.context().close();
  await page.context().close();
});

test("an answer whose state has expired (its cookie gone) opens nothing", async ({ browser }) => {
  const page = await startSso(browser, firm.recruiter.email);
  await expect(page).toHaveURL(new RegExp(`^${idp.issuer}/`));
  const context = page.context();
  const kept = (await context.cookies()).filter((c) => !/authjs\.(state|pkce|nonce)/.test(c.name));
  await context.clearCookies();
  await context.addCookies(kept);
  await loginAtProvider(page, RECRUITER_LOGIN);
  await expect(page).toHaveURL(/\/sign-in\?error=/);
  await expect(page.getByRole("main")).toContainText("Single sign-on did not complete");
  await expectSignedOut(page);
  await context.close();
});

test("an ID token for another audience is refused", async ({ browser }) => {
  idp.setWrongAudience(true);
  try {
    const page = await startSso(browser, firm.recruiter.email);
    await loginAtProvider(page, RECRUITER_LOGIN);
    await expect(page).toHaveURL(/\/sign-in\?error=/);
    await expect(page.getByRole("main")).toContainText("Single sign-on did not complete");
    await expectSignedOut(page);
    await page.context().close();
  } finally {
    idp.setWrongAudience(false);
  }
});

test("someone the provider knows but the firm does not gets a clear refusal, and no account", async ({ browser }) => {
  const page = await startSso(browser, "stranger@test.example");
  await loginAtProvider(page, "stranger");
  await expect(page).toHaveURL(/\/sign-in\/sso\?error=no_access/);
  await expect(page.getByRole("main")).toContainText("you have no access to that firm");
  await expectAccessible(page);
  await expectSignedOut(page);
  await page.context().close();
});

test("an unknown domain is answered next to the field, and a disabled provider is neither offered nor accepted", async ({ browser }) => {
  const unknown = await startSso(browser, "pat@unknown-domain.example");
  await expect(unknown.getByText("No firm signs in to Afterview with single sign-on for unknown-domain.example")).toBeVisible();
  await expect(unknown.getByLabel("Work email")).toHaveValue("pat@unknown-domain.example");
  await unknown.context().close();

  // A sign-in started before the admin switches it off...
  const inFlight = await startSso(browser, firm.recruiter.email);
  await expect(inFlight).toHaveURL(new RegExp(`^${idp.issuer}/`));
  await admin.goto("/settings/sso");
  await admin.getByLabel("Offer “Continue with single sign-on” to the firm’s staff").uncheck();
  await admin.getByRole("button", { name: "Save", exact: true }).click();
  await expect(admin.getByText("Single sign-on is off")).toBeVisible();
  // ...comes back to a refusal.
  await loginAtProvider(inFlight, RECRUITER_LOGIN);
  await expect(inFlight).toHaveURL(/\/sign-in\?error=|\/sign-in\/sso\?error=disabled/);
  await expect(inFlight.getByRole("main")).toContainText(/Single sign-on did not complete|switched single sign-on off/);
  await expectSignedOut(inFlight);
  await inFlight.context().close();

  const off = await startSso(browser, firm.recruiter.email);
  await expect(off.getByText("No firm signs in to Afterview with single sign-on for test.example")).toBeVisible();
  await off.context().close();
});
