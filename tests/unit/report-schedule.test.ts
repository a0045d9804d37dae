import { describe, expect, it } from "vitest";
import { describeFilters, describeSchedule, duePeriod, reportSubscriptionSchema } from "@/lib/reports/subscriptions/schedule";

const NY = "America/New_York";
const daily = (localTime: string) => ({ frequency: "daily" as const, weekday: null, localTime });
const at = (iso: string) => new Date(iso);

describe("when a report email is due", () => {
  it("keeps the local time across both DST changes", () => {
    // Autumn: 08:00 is 12:00 UTC on Saturday, 13:00 UTC on Sunday.
    expect(duePeriod(daily("08:00"), NY, at("2026-10-31T11:59:00Z"))).toBeNull();
    expect(duePeriod(daily("08:00"), NY, at("2026-10-31T12:00:00Z"))?.periodKey).toBe("2026-10-31");
    expect(duePeriod(daily("08:00"), NY, at("2026-11-01T12:30:00Z"))).toBeNull();
    expect(duePeriod(daily("08:00"), NY, at("2026-11-01T13:00:00Z"))).toEqual({ periodKey: "2026-11-01", dueAt: at("2026-11-01T13:00:00Z") });
    // Spring: 08:00 is 13:00 UTC on Saturday, 12:00 UTC on Sunday 2026-03-08.
    expect(duePeriod(daily("08:00"), NY, at("2026-03-08T12:00:00Z"))?.dueAt).toEqual(at("2026-03-08T12:00:00Z"));
    // A time that does not exist that night (02:30) goes out when the clock has passed it.
    expect(duePeriod(daily("02:30"), NY, at("2026-03-08T07:00:00Z"))).toBeNull();
    expect(duePeriod(daily("02:30"), NY, at("2026-03-08T07:30:00Z"))?.periodKey).toBe("2026-03-08");
  });

  it("skips a period more than three hours late, and finds a late-evening time after midnight", () => {
    expect(duePeriod(daily("08:00"), NY, at("2026-11-02T15:59:00Z"))?.periodKey).toBe("2026-11-02");
    expect(duePeriod(daily("08:00"), NY, at("2026-11-02T16:00:00Z"))).toBeNull();
    // 23:30 on 1 November, seen at 00:10 on the 2nd.
    expect(duePeriod(daily("23:30"), NY, at("2026-11-02T05:10:00Z"))?.periodKey).toBe("2026-11-01");
  });

  it("sends weekly mails only on their weekday, keyed by ISO week", () => {
    const sunday = { frequency: "weekly" as const, weekday: 7, localTime: "08:00" };
    expect(duePeriod(sunday, NY, at("2026-11-01T13:00:00Z"))?.periodKey).toBe("2026-W44");
    expect(duePeriod(sunday, NY, at("2026-11-02T13:00:00Z"))).toBeNull();
    expect(duePeriod({ ...sunday, weekday: 1 }, NY, at("2026-11-02T13:00:00Z"))?.periodKey).toBe("2026-W45");
    expect(describeSchedule(sunday)).toBe("Sundays at 08:00");
  });

  it("checks the form and names the filters", () => {
    expect(reportSubscriptionSchema.safeParse({ frequency: "weekly", localTime: "08:00" }).success).toBe(false);
    expect(reportSubscriptionSchema.safeParse({ frequency: "daily", localTime: "24:00" }).success).toBe(false);
    expect(reportSubscriptionSchema.parse({ frequency: "daily", localTime: "07:45", includeCsv: "on" })).toMatchObject({ includeCsv: true, query: "" });
    const names = { clients: [{ id: "c", name: "Acme" }], jobs: [], recruiters: [] };
    expect(describeFilters({ client: "c", from: "2026-01-01", job: "j" }, names)).toBe("from 2026-01-01, client Acme, job (removed)");
    expect(describeFilters({}, names)).toBe("none");
  });
});
