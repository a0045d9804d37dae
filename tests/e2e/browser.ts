import fs from "node:fs";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * The browser end-to-end tests drive: CHROMIUM_PATH, else Debian's
 * /usr/bin/chromium, else Playwright's own download. Never a silent skip.
 */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  for (const c of candidates) if (c && fs.existsSync(c)) return c;
  return undefined;
}

export const NO_BROWSER_MESSAGE =
  "No Chromium found for the end-to-end tests. Install one: `apt-get install chromium` (Debian/Ubuntu), " +
  "or `npx playwright install chromium`, or set CHROMIUM_PATH to a Chromium or Chrome binary.";
