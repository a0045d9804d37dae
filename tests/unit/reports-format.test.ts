import { describe, expect, it } from "vitest";
import { busiest, formatAsOf, readLagNotice } from "@/lib/core/reports/format";

describe("how fresh the reports page says its counts are", () => {
  const now = new Date("2026-03-10T14:05:00Z");

  it("gives the time alone on the firm's today, on the firm's clock", () => {
    expect(formatAsOf(new Date("2026-03-10T13:12:00Z"), now, "UTC")).toBe("as of 13:12");
    expect(formatAsOf(new Date("2026-03-10T13:12:00Z"), now, "America/New_York")).toBe("as of 09:12");
  });

  it("adds the day when it is not the firm's today", () => {
    expect(formatAsOf(new Date("2026-03-09T23:30:00Z"), now, "UTC")).toBe("as of Mar 9, 23:30");
    // Already the 11th in Auckland for the moment, but still the 10th for the counts.
    expect(formatAsOf(new Date("2026-03-10T10:00:00Z"), now, "Pacific/Auckland")).toBe("as of Mar 10, 23:00");
  });
});

describe("the reports page's lag line (DATABASE_READ_URL)", () => {
  it("says nothing up to 5 seconds, then how far behind, rounded up", () => {
    expect(readLagNotice(0)).toBeNull();
    expect(readLagNotice(5)).toBeNull();
    expect(readLagNotice(Number.NaN)).toBeNull();
    expect(readLagNotice(11.2)).toBe("Figures may be up to 12 seconds behind.");
    expect(readLagNotice(119)).toBe("Figures may be up to 119 seconds behind.");
    expect(readLagNotice(600)).toBe("Figures may be up to 10 minutes behind.");
  });
});

describe("busiest: what a chart of recruiters or clients shows", () => {
  const people = [
    { name: "Ada", n: 3 },
    { name: "Bo", n: 9 },
    { name: "Cy", n: 1 },
    { name: "Di", n: 9 },
  ];

  it("keeps every item, in its own order, when there are no more than the chart holds", () => {
    expect(busiest(people, (p) => p.n, 4)).toEqual({ shown: people, total: 4 });
  });

  it("shows the largest past that, ties in their own order, and says how many there were", () => {
    const { shown, total } = busiest(people, (p) => p.n, 2);
    expect(shown.map((p) => p.name)).toEqual(["Bo", "Di"]);
    expect(total).toBe(4);
    expect(people.map((p) => p.name)).toEqual(["Ada", "Bo", "Cy", "Di"]);
  });
});
