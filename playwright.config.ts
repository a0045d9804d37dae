import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium, NO_BROWSER_MESSAGE } from "./tests/e2e/browser";

// Picked once in the main process; workers inherit it through the environment.
process.env.E2E_PORT ??= String(41000 + Math.floor(Math.random() * 8000));
const port = Number(process.env.E2E_PORT);
const baseURL = `http://localhost:${port}`;

let executablePath = findChromium();
if (!executablePath) {
  try {
    // Playwright's own browser, when someone installed it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const own = require("playwright-core").chromium.executablePath() as string;
    if (own && fs.existsSync(own)) executablePath = own;
  } catch {
    /* none */
  }
}
if (!executablePath) throw new Error(NO_BROWSER_MESSAGE);

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 2,
  retries: 0, // a flaky test is a bug to find, not to retry
  // Generous: CI machines are small and shared; a slow step still fails, only later.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  // Separate output folders let several runs share a checkout (E2E_OUTPUT_DIR).
  outputDir: `${process.env.E2E_OUTPUT_DIR ?? "test-results"}/e2e`,
  reporter: [["list"], ["json", { outputFile: `${process.env.E2E_OUTPUT_DIR ?? "test-results"}/e2e-results.json` }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions: { executablePath, args: CHROMIUM_ARGS } } },
  ],
  webServer: {
    command: "npx tsx tests/e2e/serve.ts",
    url: `${baseURL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: { PORT: String(port) },
  },
});
