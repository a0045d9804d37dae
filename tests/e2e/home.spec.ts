import { expect, test } from "@playwright/test";

test("serves a home page that leads to sign-in", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle(/Afterview/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.getByRole("link", { name: /sign in/i }).first().click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByLabel("Email")).toBeVisible();
});

test("reports a healthy database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.status).toBe("ok");
  expect(body.database.ok).toBe(true);
});
