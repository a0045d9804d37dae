/**
 * The CSV export's rows per second for about N interview rows (default
 * 100,000) of the tier's big firm, through the app's export endpoint and,
 * beside it, `psql \copy` of the same SELECT — the figure the reports issue
 * asks for, without the whole benchmark run.
 *
 *   DATABASE_URL=postgres://…/afterview_bench_m npx tsx tests/bench/export-rate.ts [--tier M] [--rows 100000] [--rounds 3]
 *
 * The same refusals as `npm run bench` (no DATABASE_URL, a database with user data).
 */
import { env } from "@/lib/platform/env";
import { appExport, copySelect, psqlCopy, setDatabaseUrl, subsetQuery } from "./measure";
import { checkBenchDatabase, ensureTier, Refusal, signIn, startServer, type Tier } from "./support";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

async function main() {
  const url = env().DATABASE_URL;
  if (!url) throw new Refusal("Set DATABASE_URL to a PostgreSQL database made for benchmarks (it refuses one holding user data).");
  const tier = (arg("tier", "M").toUpperCase() === "S" ? "S" : "M") as Tier;
  const target = Number(arg("rows", "100000"));
  const rounds = Number(arg("rounds", "3"));
  if (!Number.isInteger(target) || target < 1 || !Number.isInteger(rounds) || rounds < 1) {
    throw new Refusal("--rows and --rounds take positive whole numbers.");
  }
  await checkBenchDatabase(url);
  setDatabaseUrl(url);
  const log = (line: string) => console.log(line);
  const { big } = await ensureTier(url, tier, log);
  const server = await startServer(url, log);
  try {
    const cookie = await signIn(server.base, `admin@${big.slug}.test`);
    const query = await subsetQuery(url, big, target);
    const select = await copySelect(big, query);
    // Warm both paths once, then alternate them.
    await psqlCopy(url, select);
    await appExport(server, cookie, "interviews.csv", query);
    console.log(`\n| round | rows | psql \\copy rows/s | app CSV rows/s | app ÷ psql |\n|---|---:|---:|---:|---:|`);
    for (let r = 1; r <= rounds; r++) {
      const p = await psqlCopy(url, select);
      const a = await appExport(server, cookie, "interviews.csv", query);
      console.log(
        `| ${r} | ${a.rows.toLocaleString("en-US")} | ${Math.round(p.rowsPerSecond).toLocaleString("en-US")} | ${Math.round(a.rowsPerSecond).toLocaleString("en-US")} | ${(a.rowsPerSecond / p.rowsPerSecond).toFixed(2)}× |`,
      );
    }
  } finally {
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`export-rate: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(err instanceof Refusal ? 2 : 1);
  },
);
