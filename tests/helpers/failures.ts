/**
 * The failed tests of a run, by file and title, read from the JSON reports of
 * Vitest and Playwright; `npm test` repeats them under its closing summary so
 * the end of a long log (and CI's summary) names what failed.
 */
import path from "node:path";

type VitestReport = {
  testResults?: { name: string; assertionResults?: { status: string; fullName?: string; title: string }[] }[];
};

export type PlaywrightSuite = {
  title: string;
  suites?: PlaywrightSuite[];
  specs?: { title: string; file: string; line: number; tests: { status: string }[] }[];
};

export function vitestFailures(report: VitestReport, root: string): string[] {
  return (report.testResults ?? []).flatMap((file) =>
    (file.assertionResults ?? [])
      .filter((a) => a.status === "failed")
      .map((a) => `${path.relative(root, file.name)} › ${a.fullName ?? a.title}`),
  );
}

/** A Playwright report's outer suites are files (their titles are paths); the inner ones are describe blocks. */
export function playwrightFailures(suites: PlaywrightSuite[] | undefined, titles: string[] | null = null): string[] {
  return (suites ?? []).flatMap((suite) => {
    const here = titles === null ? [] : [...titles, suite.title];
    return [
      ...(suite.specs ?? [])
        .filter((spec) => spec.tests.some((t) => t.status === "unexpected"))
        .map((spec) => `tests/e2e/${spec.file}:${spec.line} › ${[...here, spec.title].join(" › ")}`),
      ...playwrightFailures(suite.suites, here),
    ];
  });
}
