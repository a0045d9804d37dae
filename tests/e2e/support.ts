import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import type { TestFirm } from "@/db/test-firm";
import { SignInPage } from "./pages/sign-in-page";

/** A firm of the test's own (the server runs with AFTERVIEW_TEST_HOOKS=1). */
export async function createFirm(request: APIRequestContext, label = "e2e", opts: { extraClients?: number } = {}): Promise<TestFirm> {
  const res = await request.post("/api/test-support/firm", { data: { label, ...opts } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as TestFirm;
}

/** No accessibility violations (WCAG 2.1 AA rules) on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary).toEqual([]);
}

export async function newSignedInPage(browser: Browser, email: string, password: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new SignInPage(page).signIn(email, password);
  return page;
}
