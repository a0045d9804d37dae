import { expect, test, type Page } from "@playwright/test";
import { createFirm } from "./support";
import { SignInPage } from "./pages/sign-in-page";

/**
 * Signs in through the form and answers where the sign-in's own answer sent
 * the browser, and every path the browser asked for on the way to the home.
 */
async function signInAndFollow(page: Page, email: string, password: string) {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.fill(email, password);
  const asked: string[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    // Link prefetches are not stops on the way; a navigation (a document or an RSC fetch) is.
    if (r.headers()["next-router-prefetch"]) return;
    if (url.origin === new URL(page.url()).origin && !url.pathname.startsWith("/_next/")) asked.push(`${r.method()} ${url.pathname}`);
  });
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/sign-in"),
    page.getByRole("button", { name: "Sign in" }).click(),
  ]);
  return { redirect: answer.headers()["x-action-redirect"] ?? "", asked };
}

test("signing in lands on the role's home in one redirect, without a stop at /", async ({ page, browser, request }) => {
  const firm = await createFirm(request, "one-hop");

  const staff = await signInAndFollow(page, firm.recruiter.email, firm.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  expect(staff.redirect).toMatch(/^\/dashboard(;|$)/);
  expect(staff.asked).not.toContain("GET /");

  const candidatePage = await (await browser.newContext()).newPage();
  const candidate = await signInAndFollow(candidatePage, firm.candidateUser.email, firm.password);
  await expect(candidatePage).toHaveURL(/\/my\/interviews$/);
  expect(candidate.redirect).toMatch(/^\/my\/interviews(;|$)/);
  expect(candidate.asked).not.toContain("GET /");
});

test("a signed-in visit to /sign-in with a next that leaves the origin goes to the home instead", async ({ page, request, baseURL }) => {
  const firm = await createFirm(request, "next-hop");
  await new SignInPage(page).signIn(firm.admin.email, firm.password);
  await expect(page).toHaveURL(/\/dashboard$/);

  for (const next of [
    "%2F%09%2Fevil.example",
    "%2F%2Fevil.example",
    "%2F%5Cevil.example",
    "https%3A%2F%2Fevil.example",
    "%2F%0d%0a%2Fevil.example",
    "%2F%250d%250a%2Fevil.example",
    "%252F%252Fevil.example",
  ]) {
    // page.request carries the page's session cookie.
    const res = await page.request.get(`/sign-in?next=${next}`, { maxRedirects: 0 });
    expect(res.status(), next).toBe(307);
    const location = res.headers()["location"] ?? "";
    expect(new URL(location, baseURL).href, next).toBe(new URL("/dashboard", baseURL).href);
  }
  // A safe next is still honoured.
  const safe = await page.request.get(`/sign-in?next=${encodeURIComponent("/reports?tab=funnel")}`, { maxRedirects: 0 });
  expect(safe.status()).toBe(307);
  expect(new URL(safe.headers()["location"] ?? "", baseURL).pathname).toBe("/reports");
});
