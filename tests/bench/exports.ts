/**
 * The exports: the interviews report's CSV through the app against psql
 * \\copy of the same SELECT (rows per second, and the server's peak memory
 * for all rows against a tenth of them), and XLSX against CSV.
 */
import { fmtN, log, type Ratio } from "./format";
import { appExport, copySelect, idleRss, psqlCopy, subsetQuery, type Transfer } from "./measure";
import { MB, TIERS, type BenchFirm, type Server, type Tier } from "./support";

export async function measureExports(opts: { url: string; server: Server; big: BenchFirm; tier: Tier; quick: boolean; adminCookie: string }) {
  const { url, server, big, tier, quick, adminCookie } = opts;
  const ratios: Ratio[] = [];
  const sections: string[] = [];
  // --- 1. CSV export against psql, and the server's memory.
  log("CSV export through the app against psql \\copy…");
  const fullCount = TIERS[tier].candidates * TIERS[tier].interviewsPerCandidate;
  const subsetTarget = tier === "M" ? 100_000 : Math.round(fullCount / 10);
  const subset = await subsetQuery(url, big, subsetTarget);
  const fullSelect = await copySelect(big, "");
  // Warm the caches and the server's code paths on the subset, then measure.
  await psqlCopy(url, await copySelect(big, subset));
  await appExport(server, adminCookie, "interviews.csv", subset);
  // Three rounds at tier M: one 1,000,000-row export varies by about 10% from run to run on a shared machine.
  const rounds = quick ? 1 : tier === "M" ? 3 : 2;
  const psqlRuns: Transfer[] = [];
  const appRuns: (Transfer & { peakRss: number })[] = [];
  let idle = idleRss(server);
  for (let r = 0; r < rounds; r++) {
    psqlRuns.push(await psqlCopy(url, fullSelect));
    idle = Math.min(idle, idleRss(server));
    appRuns.push(await appExport(server, adminCookie, "interviews.csv", ""));
  }
  const bestPsql = psqlRuns.reduce((a, b) => (b.rowsPerSecond > a.rowsPerSecond ? b : a));
  const bestApp = appRuns.reduce((a, b) => (b.rowsPerSecond > a.rowsPerSecond ? b : a));
  if (bestApp.rows !== bestPsql.rows) log(`warning: the app exported ${bestApp.rows} rows, psql ${bestPsql.rows}.`);
  idle = Math.min(idle, idleRss(server));
  const subsetCsv = await appExport(server, adminCookie, "interviews.csv", subset);
  const fullPeak = Math.max(...appRuns.map((r) => r.peakRss));
  ratios.push({
    name: `CSV export rate, app ÷ psql (${fmtN(bestApp.rows)} rows)`,
    value: bestApp.rowsPerSecond / bestPsql.rowsPerSecond,
    target: "≥ 0.9×",
    ok: bestApp.rowsPerSecond / bestPsql.rowsPerSecond >= 0.9,
    detail: `${fmtN(bestApp.rowsPerSecond)} vs ${fmtN(bestPsql.rowsPerSecond)} rows/s`,
  });
  ratios.push({
    name: `Server peak RSS, ${fmtN(bestApp.rows)} ÷ ${fmtN(subsetCsv.rows)} rows`,
    value: fullPeak / subsetCsv.peakRss,
    target: "≤ 1.2×",
    ok: fullPeak / subsetCsv.peakRss <= 1.2,
    detail: `${(fullPeak / MB).toFixed(0)} MB vs ${(subsetCsv.peakRss / MB).toFixed(0)} MB`,
  });
  ratios.push({
    name: `Server peak RSS above idle, ${fmtN(bestApp.rows)} rows`,
    value: (fullPeak - idle) / MB,
    target: "< 150 MB",
    ok: (fullPeak - idle) / MB < 150,
    detail: `idle ${(idle / MB).toFixed(0)} MB, peak ${(fullPeak / MB).toFixed(0)} MB`,
  });
  const exportRows = [
    ...psqlRuns.map((r, i) => ["psql \\copy", "all", i + 1, r] as const),
    ...appRuns.map((r, i) => ["app CSV", "all", i + 1, r] as const),
    ["app CSV", "subset", 1, subsetCsv] as const,
  ];

  // --- 2. XLSX against CSV for the same rows.
  log("XLSX against CSV for the same rows…");
  const xlsx = await appExport(server, adminCookie, "interviews.xlsx", subset);
  ratios.push({
    name: `XLSX ÷ CSV time (${fmtN(xlsx.rows)} rows)`,
    value: xlsx.seconds / subsetCsv.seconds,
    target: "≤ 5×",
    ok: xlsx.seconds / subsetCsv.seconds <= 5,
    detail: `${xlsx.seconds.toFixed(2)} s vs ${subsetCsv.seconds.toFixed(2)} s`,
  });
  sections.push(
    [
      "## Exports (interviews report)",
      "",
      `Subset filter: \`${subset}\`. Rows per second include the whole download, read to its end by this process.`,
      "",
      "| Source | Rows | Round | Rows | MB | Seconds | Rows/s | Server peak RSS |",
      "|---|---|---|---:|---:|---:|---:|---:|",
      ...exportRows.map(
        ([src, set, round, r]) =>
          `| ${src} | ${set} | ${round} | ${fmtN(r.rows)} | ${(r.bytes / MB).toFixed(1)} | ${r.seconds.toFixed(2)} | ${fmtN(r.rowsPerSecond)} | ${"peakRss" in r ? `${(r.peakRss / MB).toFixed(0)} MB` : "–"} |`,
      ),
      `| app XLSX | subset | 1 | ${fmtN(xlsx.rows)} | ${(xlsx.bytes / MB).toFixed(1)} | ${xlsx.seconds.toFixed(2)} | ${fmtN(xlsx.rowsPerSecond)} | ${(xlsx.peakRss / MB).toFixed(0)} MB |`,
      "",
      `Server idle RSS before the exports: ${(idle / MB).toFixed(0)} MB.`,
    ].join("\n"),
  );
  return { ratios, section: sections.join("\n\n") };
}
