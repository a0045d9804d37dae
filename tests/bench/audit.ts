/**
 * Lighthouse and the JavaScript a page transfers. The JavaScript targets are
 * measured above the framework's own floor: what the not-found page (no
 * component of ours but the root layout) loads, in the same run.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { errorText, fmtMs, type Ratio } from "./format";
import { sleep } from "./support";

const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  for (const c of candidates) if (c && fs.existsSync(c)) return c;
  throw new Error("No Chromium found: install one (apt-get install chromium) or set CHROME_PATH.");
}

export type PageAudit = { name: string; path: string; score: number | null; lcpMs: number | null; tbtMs: number | null; jsKb: number | null; error?: string };

/** Lighthouse 12, desktop preset, performance only, in a headless Chromium of its own. */
export async function lighthouseScore(base: string, pagePath: string, cookie: string | undefined) {
  const port = 9222 + Math.floor(Math.random() * 700);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "afterview-lh-"));
  const chrome = spawn(chromiumPath(), [...CHROMIUM_FLAGS, `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, "about:blank"], {
    stdio: "ignore",
  });
  try {
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/json/version`)).ok) break;
      } catch {
        /* starting */
      }
      await sleep(100);
    }
    const { default: lighthouse, desktopConfig } = await import("lighthouse");
    const result = await lighthouse(
      `${base}${pagePath}`,
      { port, output: "json", logLevel: "error", onlyCategories: ["performance"], extraHeaders: cookie ? { Cookie: cookie } : undefined },
      desktopConfig,
    );
    const lhr = result?.lhr;
    if (!lhr) throw new Error("Lighthouse returned no result");
    if (lhr.runtimeError) throw new Error(lhr.runtimeError.message);
    const finalUrl = lhr.finalDisplayedUrl ?? "";
    if (!finalUrl.includes(pagePath.split("?")[0]!)) throw new Error(`Lighthouse ended on ${finalUrl}, not ${pagePath}`);
    const score = lhr.categories.performance?.score;
    return {
      score: score === null || score === undefined ? null : Math.round(score * 100),
      lcpMs: lhr.audits["largest-contentful-paint"]?.numericValue ?? null,
      tbtMs: lhr.audits["total-blocking-time"]?.numericValue ?? null,
    };
  } finally {
    const exited = new Promise((resolve) => chrome.once("exit", resolve));
    chrome.kill("SIGKILL");
    await Promise.race([exited, sleep(5000)]);
    try {
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch {
      /* a leftover temporary profile is harmless */
    }
  }
}

export type ScriptBytes = { total: number; byLoad: number; largest: { file: string; bytes: number }[] };

/**
 * Compressed bytes of every script response while the page loads to network
 * idle, in Playwright's Chromium: in total, those that arrived by the load
 * event, and the largest files. The page must answer `status` (200, or 404
 * for the not-found page that shows the framework's floor).
 */
export async function scriptBytes(base: string, pagePath: string, cookie: string | undefined, status = 200): Promise<ScriptBytes> {
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS.filter((f) => f !== "--headless") });
  try {
    const context = await browser.newContext();
    if (cookie) {
      await context.addCookies(
        cookie.split("; ").map((pair) => {
          const eq = pair.indexOf("=");
          return { name: pair.slice(0, eq), value: pair.slice(eq + 1), url: base };
        }),
      );
    }
    const page = await context.newPage();
    const pending: Promise<{ file: string; bytes: number; beforeLoad: boolean }>[] = [];
    let loaded = false;
    page.on("load", () => (loaded = true));
    page.on("response", (res) => {
      if (res.request().resourceType() !== "script") return;
      const beforeLoad = !loaded;
      const file = new URL(res.url()).pathname.split("/").pop() ?? res.url();
      pending.push(
        res
          .request()
          .sizes()
          .then((s) => ({ file, bytes: s.responseBodySize, beforeLoad }))
          .catch(() => ({ file, bytes: 0, beforeLoad })),
      );
    });
    const res = await page.goto(`${base}${pagePath}`, { waitUntil: "networkidle" });
    if (!res || res.status() !== status || !page.url().includes(pagePath.split("?")[0]!)) {
      throw new Error(`${pagePath} answered ${res?.status()} at ${page.url()}`);
    }
    const sizes = await Promise.all(pending);
    return {
      total: sizes.reduce((a, b) => a + b.bytes, 0),
      byLoad: sizes.filter((s) => s.beforeLoad).reduce((a, b) => a + b.bytes, 0),
      largest: [...sizes].sort((a, b) => b.bytes - a.bytes).slice(0, 5).map(({ file, bytes }) => ({ file, bytes })),
    };
  } finally {
    await browser.close();
  }
}


type Audited = { name: string; path: string; cookie?: string; status?: number; lighthouse: boolean; aboveFloorKb: number | null };

export async function auditPages(base: string, opts: { adminCookie: string; candidateCookie: string; debriefPath: string }) {
  const audited: Audited[] = [
    { name: "Not-found page (the framework's floor)", path: "/bench-not-a-page", status: 404, lighthouse: false, aboveFloorKb: null },
    { name: "Sign-in", path: "/sign-in", lighthouse: true, aboveFloorKb: null },
    { name: "Dashboard", path: "/dashboard", cookie: opts.adminCookie, lighthouse: true, aboveFloorKb: 60 },
    { name: "Debrief form", path: opts.debriefPath, cookie: opts.candidateCookie, lighthouse: true, aboveFloorKb: 20 },
  ];
  const ratios: Ratio[] = [];
  const rows: string[] = [];
  let floorKb: number | null = null;
  for (const a of audited) {
    let score: number | null = null;
    let lcp: number | null = null;
    let tbt: number | null = null;
    let kb: number | null = null;
    let scripts = "";
    let note = "";
    if (a.lighthouse) {
      try {
        const lh = await lighthouseScore(base, a.path, a.cookie);
        score = lh.score;
        lcp = lh.lcpMs;
        tbt = lh.tbtMs;
      } catch (err) {
        note = `Lighthouse: ${errorText(err)}`;
      }
    }
    try {
      const js = await scriptBytes(base, a.path, a.cookie, a.status);
      kb = js.total / 1024;
      scripts = `${(js.byLoad / 1024).toFixed(1)} kB by the load event; largest: ${js.largest.map((f) => `${f.file} ${(f.bytes / 1024).toFixed(1)}`).join(", ")}`;
    } catch (err) {
      note += `${note ? "; " : ""}scripts: ${errorText(err)}`;
    }
    if (a.status === 404) floorKb = kb;
    if (score !== null) {
      ratios.push({ name: `Lighthouse performance (desktop), ${a.name}`, value: score, target: "≥ 95", ok: score >= 95, detail: `LCP ${fmtMs(lcp ?? NaN)}, TBT ${fmtMs(tbt ?? NaN)}` });
    }
    if (a.aboveFloorKb !== null) {
      const above = kb !== null && floorKb !== null ? kb - floorKb : NaN;
      ratios.push({
        name: `JavaScript transferred above the not-found page's, ${a.name}`,
        value: above,
        target: `≤ ${a.aboveFloorKb} kB`,
        ok: above <= a.aboveFloorKb,
        detail: `${kb?.toFixed(1) ?? "–"} kB vs ${floorKb?.toFixed(1) ?? "–"} kB, compressed, all script responses to network idle`,
      });
    }
    rows.push(`| ${a.name} | \`${a.path.replace(/[0-9a-f-]{36}/, "{id}")}\` | ${score ?? "–"} | ${fmtMs(lcp ?? NaN)} | ${fmtMs(tbt ?? NaN)} | ${kb === null ? "–" : kb.toFixed(1)} | ${[scripts, note].filter(Boolean).join("; ")} |`);
  }
  const section = [
    "## Lighthouse 12 (desktop preset) and JavaScript transferred (Playwright)",
    "",
    "| Page | Path | Performance | LCP | TBT | JS kB (compressed) | Notes |",
    "|---|---|---:|---:|---:|---:|---|",
    ...rows,
  ].join("\n");
  return { ratios, section };
}
