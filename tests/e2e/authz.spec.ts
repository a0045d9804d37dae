import { expect, request as pwRequest, test, type APIRequestContext } from "@playwright/test";
import { fill, loadMatrix, ROLES, type Caller } from "../authz/matrix";
import { createFirm } from "./support";
import { SignInPage } from "./pages/sign-in-page";

/**
 * Every page and route handler in the authorization matrix, requested as each
 * kind of caller, without following redirects.
 */
test("answers every page and route as the authorization matrix says", async ({ browser, baseURL, request }) => {
  test.setTimeout(180_000);
  const a = await createFirm(request, "authz-a");
  const b = await createFirm(request, "authz-b");
  const values = { a, b };
  const people: Record<Exclude<Caller, "anonymous">, string> = {
    candidate: a.candidateUser.email,
    recruiter: a.recruiter.email,
    admin: a.admin.email,
    otherFirmAdmin: b.admin.email,
  };
  const contexts = {} as Record<Caller, APIRequestContext>;
  contexts.anonymous = await pwRequest.newContext({ baseURL });
  for (const [caller, email] of Object.entries(people) as [Exclude<Caller, "anonymous">, string][]) {
    const ctx = await browser.newContext({ baseURL });
    const page = await ctx.newPage();
    await new SignInPage(page).signIn(email, a.password);
    contexts[caller] = await pwRequest.newContext({ baseURL, storageState: await ctx.storageState() });
    await ctx.close();
  }
  const homes: Record<Caller, string> = {
    anonymous: "/",
    candidate: "/my/interviews",
    recruiter: "/dashboard",
    admin: "/dashboard",
    otherFirmAdmin: "/dashboard",
  };
  const failures: string[] = [];
  const matrix = loadMatrix();
  for (const entry of matrix.pages) {
    const path = fill(entry.path, values);
    for (const caller of ROLES) {
      const res = await contexts[caller].get(path, { maxRedirects: 0 });
      const location = res.headers()["location"] ?? "";
      const got =
        res.status() >= 300 && res.status() < 400
          ? location.includes("/sign-in")
            ? "signin"
            : new URL(location, baseURL).pathname === homes[caller]
              ? "home"
              : `redirect ${location}`
          : res.status();
      if (got !== entry.expect[caller]) failures.push(`${caller} GET ${path}: expected ${entry.expect[caller]}, got ${got}`);
    }
  }
  for (const entry of matrix.routes) {
    const path = fill(entry.path, values);
    for (const caller of ROLES) {
      const res = await contexts[caller].fetch(path, {
        method: entry.method,
        maxRedirects: 0,
        headers: entry.headers,
        data: entry.body as never,
      });
      if (res.status() !== entry.expect[caller]) {
        failures.push(`${caller} ${entry.method} ${path}: expected ${entry.expect[caller]}, got ${res.status()}`);
      }
    }
  }
  expect(failures).toEqual([]);
});
