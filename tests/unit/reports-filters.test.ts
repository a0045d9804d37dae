import { describe, expect, it } from "vitest";
import { dateBounds, filtersToSearchParams, hasAnyFilter, parseReportFilters } from "@/lib/core/reports/filters";

const CLIENT = "01900000-0000-7000-8000-0000000000c1";

describe("report filters", () => {
  it("reads an empty query as no filter, by application date", () => {
    expect(parseReportFilters(new URLSearchParams(""))).toMatchObject({ ok: true, filters: { dates: "application" } });
    expect(parseReportFilters({ from: " ", client: "", stage: undefined })).toMatchObject({ ok: true, filters: { dates: "application" } });
  });

  it("reads every filter", () => {
    const parsed = parseReportFilters(new URLSearchParams(`dates=interview&from=2026-01-01&to=2026-01-31&client=${CLIENT}&stage=offer`));
    expect(parsed).toMatchObject({
      ok: true,
      filters: { dates: "interview", from: "2026-01-01", to: "2026-01-31", client: CLIENT, stage: "offer" },
    });
  });

  it("refuses a range that ends before it starts, next to the end date", () => {
    const parsed = parseReportFilters({ from: "2026-03-01", to: "2026-02-28" });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.fieldErrors).toEqual({ to: ["The end date is before the start date."] });
  });

  it("accepts a one-day range", () => {
    expect(parseReportFilters({ from: "2026-03-01", to: "2026-03-01" }).ok).toBe(true);
  });

  it("refuses impossible dates, malformed ids and unknown stages, each next to its field", () => {
    const parsed = parseReportFilters({ from: "2026-02-31", to: "31/12/2026", client: "42", job: "x", recruiter: "'; drop table jobs; --", stage: "hired", dates: "week" });
    expect(parsed.ok).toBe(false);
    const errors = !parsed.ok ? parsed.fieldErrors : {};
    expect(Object.keys(errors).sort()).toEqual(["client", "dates", "from", "job", "recruiter", "stage", "to"]);
    expect(errors.from).toEqual(["Enter the start date as a date like 2026-03-31."]);
    expect(errors.client).toEqual(["That client is not one of this firm's."]);
  });

  it("reports the range error together with other fields' errors", () => {
    const parsed = parseReportFilters({ from: "2026-03-01", to: "2026-01-01", stage: "hired" });
    expect(!parsed.ok && Object.keys(parsed.fieldErrors).sort()).toEqual(["stage", "to"]);
  });

  it("writes the filters back as a short, stable query string", () => {
    const parsed = parseReportFilters({ stage: "placed", client: CLIENT, from: "2026-01-01" });
    if (!parsed.ok) throw new Error("unexpected");
    expect(filtersToSearchParams(parsed.filters).toString()).toBe(`from=2026-01-01&client=${CLIENT}&stage=placed`);
    expect(hasAnyFilter(parsed.filters)).toBe(true);
    expect(hasAnyFilter({ dates: "application" })).toBe(false);
    expect(filtersToSearchParams({ dates: "interview" }).toString()).toBe("dates=interview");
  });

  it("turns the dates into instants on the firm's calendar, the end day included", () => {
    // New York is UTC-5 until the second Sunday of March, UTC-4 after.
    expect(dateBounds({ dates: "application", from: "2026-03-01", to: "2026-03-31" }, "America/New_York")).toEqual({
      from: new Date("2026-03-01T05:00:00Z"),
      until: new Date("2026-04-01T04:00:00Z"),
    });
    expect(dateBounds({ dates: "application", to: "2026-12-31" }, "Pacific/Kiritimati")).toEqual({
      from: undefined,
      until: new Date("2026-12-31T10:00:00Z"),
    });
  });
});
