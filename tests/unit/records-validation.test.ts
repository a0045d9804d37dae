import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  candidateListSchema,
  createCandidateSchema,
  createClientSchema,
  interviewWindow,
  moveApplicationSchema,
  scheduleInterviewSchema,
  zonedInstant,
  zonedParts,
} from "@/lib/core/validation/records";
import { decodeCursor, encodeCursor } from "@/lib/core/validation/cursor";

const NY = "America/New_York";
const ID = "01890000-0000-7000-8000-000000000001";

describe("interview times in the firm's zone", () => {
  it("turns a New York wall-clock time into the right instant in summer and in winter", () => {
    expect(zonedInstant("2026-07-14", "10:00", NY)!.toISOString()).toBe("2026-07-14T14:00:00.000Z");
    expect(zonedInstant("2026-01-14", "10:00", NY)!.toISOString()).toBe("2026-01-14T15:00:00.000Z");
    expect(zonedInstant("2026-07-14", "10:00", "Europe/Berlin")!.toISOString()).toBe("2026-07-14T08:00:00.000Z");
  });

  it("refuses a time the clocks skip", () => {
    expect(zonedInstant("2026-03-08", "02:30", NY)).toBeNull();
    const w = interviewWindow({ date: "2026-03-08", startTime: "02:30", endTime: "04:00" }, NY);
    expect(w).toEqual({ fieldErrors: { startTime: [expect.stringMatching(/does not exist/)] } });
  });

  it("reads an instant back as the same day and time", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2001-01-01"), max: new Date("2099-01-01"), noInvalidDate: true }), (d) => {
        const rounded = new Date(Math.floor(d.getTime() / 60_000) * 60_000);
        const { date, time } = zonedParts(rounded, NY);
        const back = zonedInstant(date, time, NY);
        // The repeated hour in November reads back as one of its two instants.
        if (back) expect(Math.abs(back.getTime() - rounded.getTime()) % 3_600_000).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it("says an interview that ends before it starts, next to the end time", () => {
    const parsed = scheduleInterviewSchema.safeParse({
      applicationId: ID,
      kind: "video",
      date: "2026-05-14",
      startTime: "15:00",
      endTime: "14:00",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.find((i) => i.path[0] === "endTime")?.message).toMatch(/ends before it starts/);
  });

  it("refuses impossible and far-off days", () => {
    for (const date of ["2026-02-30", "26-05-14", "0000-01-01", "9999-12-31", "2026-13-01"]) {
      const parsed = scheduleInterviewSchema.safeParse({ applicationId: ID, kind: "video", date, startTime: "10:00", endTime: "11:00" });
      expect(parsed.success, date).toBe(false);
    }
  });

  it("reads interviewers from one or several form values and the checkbox", () => {
    const one = scheduleInterviewSchema.parse({ applicationId: ID, kind: "onsite", date: "2026-05-14", startTime: "10:00", endTime: "11:00", contactIds: ID, arrangedByFirm: "on" });
    expect(one.contactIds).toEqual([ID]);
    expect(one.arrangedByFirm).toBe(true);
    const none = scheduleInterviewSchema.parse({ applicationId: ID, kind: "onsite", date: "2026-05-14", startTime: "10:00", endTime: "11:00" });
    expect(none.contactIds).toEqual([]);
    expect(none.arrangedByFirm).toBe(false);
  });
});

describe("stage moves", () => {
  it("refuses an unknown stage", () => {
    const parsed = moveApplicationSchema.safeParse({ id: ID, version: "1", stage: "hired" });
    expect(parsed.error!.issues[0]!.path).toEqual(["stage"]);
    expect(parsed.error!.issues[0]!.message).toBe("Choose a stage from the list.");
  });

  it("asks for a reason when rejecting or withdrawing", () => {
    expect(moveApplicationSchema.safeParse({ id: ID, version: "1", stage: "rejected", reason: "  " }).error!.issues[0]!.path).toEqual(["reason"]);
    expect(moveApplicationSchema.safeParse({ id: ID, version: "1", stage: "withdrawn", reason: "Took another offer" }).success).toBe(true);
    expect(moveApplicationSchema.safeParse({ id: ID, version: "1", stage: "offer" }).success).toBe(true);
  });
});

describe("record fields", () => {
  it("drops control characters the database would refuse", () => {
    const c = createClientSchema.parse({ name: "Acme\u0000 Corp\u0007", website: "acme.example" });
    expect(c.name).toBe("Acme Corp");
    expect(c.website).toBe("https://acme.example");
    expect(createClientSchema.safeParse({ name: "\u0000" }).success).toBe(false);
  });

  it("refuses a website that is not one", () => {
    expect(createClientSchema.safeParse({ name: "X", website: "javascript:alert(1)" }).success).toBe(false);
    expect(createClientSchema.safeParse({ name: "X", website: "not a site" }).success).toBe(false);
  });

  it("lowercases a candidate's email and needs one", () => {
    expect(createCandidateSchema.parse({ name: "Maya", email: " Maya.Chen@Mail.Example " }).email).toBe("maya.chen@mail.example");
    expect(createCandidateSchema.safeParse({ name: "Maya", email: "" }).success).toBe(false);
  });
});

describe("list parameters and cursors", () => {
  it("falls back to defaults for values it does not know", () => {
    const p = candidateListSchema.parse({ q: ["  maya ", "x"], sort: "salary", dir: "sideways", status: "deleted", stage: "hired", owner: "me" });
    expect(p).toMatchObject({ q: "maya", sort: "name", dir: undefined, status: "active", stage: undefined, owner: "me", cursor: null });
  });

  it("round-trips any cursor and rejects tampered ones", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), fc.uuid(), fc.constantFrom("n" as const, "p" as const), (v, id, d) => {
        expect(decodeCursor(encodeCursor({ v, id, d }))).toEqual({ v, id, d });
      }),
    );
    expect(decodeCursor("not-base64!")).toBeNull();
    expect(decodeCursor(encodeCursor({ v: "x", id: ID, d: "n" }).slice(0, -3))).toBeNull();
    expect(decodeCursor(undefined)).toBeNull();
  });
});
