/**
 * The failed tests of a run, by file and title, read from the JSON reports of
 * Vitest and Playwright; `npm test` repeats them under its closing summary so
 * the end of a long log (and CI's summary) names what failed. A file that
 * failed without a failed test (it did not load, say) and an error outside
 * any test are named too, with the first line of their message.
 */
import path from "node:path";

type VitestReport = {
  testResults?: {
    name: string;
    status?: string;
    message?: string;
    assertionResults?: { status: string; fullName?: string; title: string }[];
  }[];
};

export type PlaywrightSuite = {
  title: string;
  suites?: PlaywrightSuite[];
  specs?: { title: string; file: string; line: number; tests: { status: string }[] }[];
};

export type PlaywrightReport = {
  config?: { rootDir?: string };
  suites?: PlaywrightSuite[];
  errors?: { message?: string }[];
};

const firstLine = (message: string | undefined) => (message ?? "").trim().split("\n")[0] || "no message";

export function vitestFailures(report: VitestReport, root: string): string[] {
  return (report.testResults ?? []).flatMap((file) => {
    const name = path.relative(root, file.name);
    const failed = (file.assertionResults ?? []).filter((a) => a.status === "failed").map((a) => `${name} › ${a.fullName ?? a.title}`);
    if (failed.length === 0 && file.status === "failed") return [`${name} (the file failed: ${firstLine(file.message)})`];
    return failed;
  });
}

/**
 * A Playwright report's outer suites are files (their titles are paths, and
 * specs name their file relative to `config.rootDir`); the inner suites are
 * describe blocks, whose titles lead each failed test's title.
 */
export function playwrightFailures(report: PlaywrightReport, root: string): string[] {
  const dir = report.config?.rootDir ? path.relative(root, report.config.rootDir) : "";
  const failed = (suites: PlaywrightSuite[] | undefined, depth: number, titles: string[]): string[] =>
    (suites ?? []).flatMap((suite) => {
      const here = depth === 0 ? titles : [...titles, suite.title];
      return [
        ...(suite.specs ?? [])
          .filter((spec) => spec.tests.some((t) => t.status === "unexpected"))
          .map((spec) => `${path.posix.join(dir, spec.file)}:${spec.line} › ${[...here, spec.title].join(" › ")}`),
        ...failed(suite.suites, depth + 1, here),
      ];
    });
  return [
    ...failed(report.suites, 0, []),
    ...(report.errors ?? []).map((e) => `Playwright, outside any test: ${firstLine(e.message)}`),
  ];
}
