import { describe, expect, it } from "vitest";
import { playwrightFailures, vitestFailures } from "../helpers/failures";

/** `npm test` names every failed test under its summary, so the end of CI's log says what failed. */
describe("the failed tests named under the test summary", () => {
  it("names Vitest's failed cases by file and full title, and nothing that passed or was skipped", () => {
    const report = {
      testResults: [
        {
          name: "/repo/tests/unit/a.test.ts",
          assertionResults: [
            { status: "passed", fullName: "a passes", title: "passes" },
            { status: "failed", fullName: "a › adds two days", title: "adds two days" },
            { status: "skipped", fullName: "a skips", title: "skips" },
          ],
        },
        { name: "/repo/tests/integration/b.test.ts", assertionResults: [{ status: "failed", title: "b alone" }] },
        { name: "/repo/tests/integration/c.test.ts" },
        {
          name: "/repo/tests/integration/d.test.ts",
          status: "failed",
          message: "Failed to load url ../helpers/gone (resolved id: ../helpers/gone)\n  at d.test.ts:3",
          assertionResults: [],
        },
        { name: "/repo/tests/integration/e.test.ts", status: "failed", assertionResults: [{ status: "failed", title: "e fails" }] },
      ],
    };
    expect(vitestFailures(report, "/repo")).toEqual([
      "tests/unit/a.test.ts › a › adds two days",
      "tests/integration/b.test.ts › b alone",
      "tests/integration/d.test.ts (the file failed: Failed to load url ../helpers/gone (resolved id: ../helpers/gone))",
      "tests/integration/e.test.ts › e fails",
    ]);
    expect(vitestFailures({}, "/repo")).toEqual([]);
  });

  it("names Playwright's unexpected results by file, line and describe titles, not its flaky or skipped ones", () => {
    const spec = (title: string, line: number, status: string) => ({ title, file: "records.spec.ts", line, tests: [{ status }] });
    const suites = [
      {
        title: "records.spec.ts",
        specs: [spec("runs a candidate to an offer", 12, "unexpected"), spec("lists jobs", 40, "expected")],
        suites: [
          {
            title: "on a phone",
            specs: [spec("opens the menu", 60, "flaky"), spec("closes the menu", 70, "skipped")],
            suites: [{ title: "signed out", specs: [spec("asks to sign in", 80, "unexpected")] }],
          },
        ],
      },
    ];
    expect(playwrightFailures({ config: { rootDir: "/repo/tests/e2e" }, suites }, "/repo")).toEqual([
      "tests/e2e/records.spec.ts:12 › runs a candidate to an offer",
      "tests/e2e/records.spec.ts:80 › on a phone › signed out › asks to sign in",
    ]);
    expect(playwrightFailures({}, "/repo")).toEqual([]);
  });

  it("names an error Playwright met outside any test, by the first line of its message", () => {
    const report = { config: { rootDir: "/repo/tests/e2e" }, suites: [], errors: [{ message: "Error: Timed out waiting 120000ms from config.webServer.\n    at ..." }] };
    expect(playwrightFailures(report, "/repo")).toEqual(["Playwright, outside any test: Error: Timed out waiting 120000ms from config.webServer."]);
  });
});
