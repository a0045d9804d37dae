import { expect, test } from "@playwright/test";
import { createFirm } from "./support";

function expectSecurityHeaders(headers: Record<string, string>) {
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
}

test("sets the security headers on pages, redirects, API answers and 404s", async ({ request }) => {
  for (const [path, status] of [
    ["/sign-in", 200],
    ["/dashboard", 307],
    ["/api/health", 200],
    ["/no-such-page", 404],
  ] as const) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(status);
    expectSecurityHeaders(res.headers());
  }
});

test("gives each page its own nonce and puts it on the page's scripts", async ({ request }) => {
  const one = await request.get("/sign-in");
  const two = await request.get("/sign-in");
  const nonceOf = (csp: string) => csp.match(/'nonce-([^']+)'/)?.[1];
  const n1 = nonceOf(one.headers()["content-security-policy"]!);
  const n2 = nonceOf(two.headers()["content-security-policy"]!);
  expect(n1).toBeTruthy();
  expect(n1).not.toBe(n2);
  const html = await one.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${n1}"`);
});

test("keeps pages with personal data out of caches", async ({ page, request }) => {
  const firm = await createFirm(request, "cache");
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(firm.admin.email);
  await page.getByLabel("Password").fill(firm.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  const res = await page.request.get("/settings/team");
  expect(res.status()).toBe(200);
  expect(res.headers()["cache-control"]).toMatch(/no-store/);
  const api = await page.request.get("/api/health");
  expect(api.headers()["cache-control"]).toMatch(/no-store/);
});

test("refuses a state-changing API request from a foreign origin", async ({ request }) => {
  const res = await request.post("/api/test-support/firm", {
    data: { label: "csrf" },
    headers: { origin: "https://evil.example" },
  });
  expect(res.status()).toBe(403);
  expect((await res.json()).error).toMatch(/Cross-site/);
});
