import { chromium } from "@playwright/test";
const base = "http://localhost:47311";
const args = ["--no-sandbox","--disable-gpu","--disable-quic","--no-first-run","--disable-background-networking","--disable-component-update","--disable-sync"];
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args });
const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
const page = await ctx.newPage();
await page.goto(base + "/sign-in");
await page.getByLabel("Email").fill(process.argv[3] ?? "jordan.ellis@northwind.example");
await page.getByLabel("Password").fill("afterview-demo-2026");
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForURL(u => !u.pathname.startsWith("/sign-in"));
await page.goto(base + (process.argv[2] ?? "/reports"));
await page.waitForTimeout(1500);
const h = await page.evaluate(() => document.documentElement.scrollHeight);
for (let i = 0, y = 0; y < h; i++, y += 1500) {
  await page.screenshot({ path: `/tmp/reports-shots/m${i}.png`, fullPage: true, clip: { x: 0, y, width: 390, height: Math.min(1500, h - y) } });
}
console.log(h);
await browser.close();
