/**
 * `npm run db:seed` — seeds the configured database (DATABASE_URL, else the
 * embedded one under DATA_DIR), migrating it first.
 *
 *   npm run db:seed                                   the demo firms, only into an empty database
 *   npm run db:seed -- --scale 100000                 adds a benchmark firm with 100,000 candidates
 *        [--interviews-per-candidate 5] [--small-firms 19] [--small-firm-candidates 300]
 */
import { EnvError } from "@/lib/platform/env";
import { DatabaseOpenError, openDatabase, type Database } from "./client";
import { migrateDatabase } from "./migrate";
import { databaseSettings } from "./runtime";
import { DEMO_LOGINS, DEMO_PASSWORD, isDatabaseEmpty, seedDemo } from "./seed";
import { seedScale } from "./seed-scale";

const USAGE = `Usage: npm run db:seed [-- --scale N [--interviews-per-candidate K] [--small-firms M] [--small-firm-candidates S]]`;

class UsageError extends Error {}

type Args = {
  scale?: number;
  interviewsPerCandidate?: number;
  smallFirms?: number;
  smallFirmCandidates?: number;
  help: boolean;
};

function parseArgs(argv: string[]): Args {
  const args: Args = { help: false };
  const number = (flag: string, value: string | undefined, min: number, integer = true) => {
    const n = Number(value);
    if (value === undefined || value.trim() === "" || !Number.isFinite(n) || n < min || (integer && !Number.isInteger(n))) {
      throw new UsageError(`${flag} needs a ${integer ? "whole " : ""}number ≥ ${min}. ${USAGE}`);
    }
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split("=", 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case "--scale":
        args.scale = number(flag, value(), 1);
        break;
      case "--interviews-per-candidate":
        args.interviewsPerCandidate = number(flag, value(), 0.1, false);
        break;
      case "--small-firms":
        args.smallFirms = number(flag, value(), 0);
        break;
      case "--small-firm-candidates":
        args.smallFirmCandidates = number(flag, value(), 1);
        break;
      case "--help":
      case "-h":
        args.help = true;
        break;
      default:
        throw new UsageError(`Unknown option ${flag}. ${USAGE}`);
    }
  }
  if (args.scale === undefined && (args.interviewsPerCandidate ?? args.smallFirms ?? args.smallFirmCandidates) !== undefined) {
    throw new UsageError(`--interviews-per-candidate, --small-firms and --small-firm-candidates go with --scale N. ${USAGE}`);
  }
  return args;
}

async function run(args: Args): Promise<void> {
  const settings = databaseSettings();
  const database: Database = await openDatabase({
    ...settings,
    onPoolError: (err) => console.error(`Database connection error: ${err.message}`),
  });
  try {
    console.log(
      database.engine === "postgres"
        ? "Using the PostgreSQL server from DATABASE_URL."
        : `Using the embedded database in ${settings.dataDir}.`,
    );
    const applied = await migrateDatabase(database);
    if (applied > 0) console.log(`Applied ${applied} migration${applied === 1 ? "" : "s"}.`);

    if (args.scale !== undefined) {
      const summary = await seedScale(database, args.scale, {
        interviewsPerCandidate: args.interviewsPerCandidate,
        smallFirms: args.smallFirms,
        smallFirmCandidates: args.smallFirmCandidates,
      });
      const { firm } = summary;
      console.log(`Benchmark data ready in ${summary.seconds.toFixed(1)} s: "${firm.name}" (slug ${firm.slug}).`);
      console.log(`  Sign in as ${firm.adminEmail} (admin), ${firm.recruiterEmails[0] ?? "-"} (recruiter)`);
      if (firm.candidateEmails[0]) console.log(`  or ${firm.candidateEmails[0]} (candidate); password ${summary.password}`);
      return;
    }

    if (!(await isDatabaseEmpty(database.db))) {
      console.log("The database already has data: nothing seeded. (Use --scale N to add a benchmark firm.)");
      return;
    }
    const started = Date.now();
    const summary = await seedDemo(database.db);
    const c = summary.counts;
    console.log(
      `Seeded "${summary.firmName}" (${c.candidates} candidates, ${c.applications} applications, ${c.interviews} interviews, ` +
        `${c.debriefs} debriefs, ${c.tasks} tasks) and a second firm, in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
    console.log(`Demo logins (password ${DEMO_PASSWORD}):`);
    for (const l of DEMO_LOGINS) console.log(`  ${l.role.padEnd(10)} ${l.email.padEnd(32)} ${l.note}`);
  } finally {
    await database.close();
  }
}

async function main(): Promise<number> {
  try {
    const args = parseArgs(process.argv.slice(2));
    if (args.help) {
      console.log(USAGE);
      return 0;
    }
    await run(args);
    return 0;
  } catch (err) {
    // Problems a person can act on get their message alone, without a stack trace.
    if (err instanceof DatabaseOpenError || err instanceof EnvError || err instanceof UsageError) {
      console.error(err.message);
    } else {
      console.error(`Seeding failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    return 1;
  }
}

void main().then((code) => {
  process.exitCode = code;
});
