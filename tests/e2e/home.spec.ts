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

test("serves the icon set and a web app manifest, and the pages log no console errors", async ({ page, request }) => {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  const failed: string[] = [];
  page.on("response", (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  await page.goto("/");
  await page.goto("/sign-in");
  await expect(page.getByLabel("Email")).toBeVisible();
  expect(failed).toEqual([]);
  expect(errors).toEqual([]);

  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(manifestHref).toBe("/manifest.webmanifest");
  const manifest = await (await request.get(manifestHref!)).json();
  expect(manifest).toMatchObject({ name: "Afterview", short_name: "Afterview", display: "standalone", start_url: "/" });
  for (const icon of manifest.icons as { src: string; type: string }[]) {
    const res = await request.get(icon.src);
    expect(res.status(), icon.src).toBe(200);
    expect(res.headers()["content-type"]).toContain(icon.type.split("+")[0]);
  }
  const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
  expect((await request.get(apple!)).status()).toBe(200);
});

test.describe("colour theme", () => {
  const background = (page: import("@playwright/test").Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const DARK = "rgb(11, 11, 14)";
  const LIGHT = "rgb(255, 255, 255)";

  test("follows the operating system's preference", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/sign-in");
    expect(await background(page)).toBe(DARK);
    await page.emulateMedia({ colorScheme: "light" });
    expect(await background(page)).toBe(LIGHT);
  });

  test("keeps a chosen theme whatever the operating system prefers", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/sign-in");
    await page.evaluate(() => document.documentElement.classList.add("light"));
    expect(await background(page)).toBe(LIGHT);
    await page.emulateMedia({ colorScheme: "light" });
    await page.evaluate(() => document.documentElement.classList.replace("light", "dark"));
    expect(await background(page)).toBe(DARK);
  });
});
