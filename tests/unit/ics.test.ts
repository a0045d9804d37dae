import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeText, foldLine, icsFileName, interviewToIcs, utcStamp, type InterviewCalendarEvent } from "@/lib/core/ics";

const event: InterviewCalendarEvent = {
  id: "01890000-0000-7000-8000-000000000001",
  summary: "Onsite interview: Platform Engineer at Acme, Inc.",
  description: "Interviewers: Zoë Müller-Šťastná (VP Engineering; Platform), Lee Park\nBring: ID; portfolio",
  location: "1 Main St, Floor 3; Room \"Ada\"",
  url: "https://meet.example.com/abc-def?x=1,2",
  // 10:00–11:30 in New York (EDT, UTC−4)
  startsAt: new Date("2026-04-14T14:00:00Z"),
  endsAt: new Date("2026-04-14T15:30:00Z"),
  cancelled: false,
  sequence: 3,
  lastModified: new Date("2026-04-10T09:15:00.500Z"),
  dtStamp: new Date("2026-04-12T08:00:00Z"),
};

/** Undo folding (RFC 5545 §3.1) and split into content lines. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "").split("\r\n");
const unescape = (v: string) => v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
const prop = (ics: string, name: string) => unfold(ics).find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1);

describe("interviewToIcs", () => {
  const ics = interviewToIcs(event);

  it("writes one event in a CRLF-terminated calendar whose lines fit in 75 octets", () => {
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")).toBe(true);
    expect(ics.endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });

  it("writes the UID, DTSTAMP, DTSTART and DTEND in UTC", () => {
    expect(prop(ics, "UID")).toBe("interview-01890000-0000-7000-8000-000000000001@afterview");
    expect(prop(ics, "DTSTAMP")).toBe("20260412T080000Z");
    expect(prop(ics, "DTSTART")).toBe("20260414T140000Z");
    expect(prop(ics, "DTEND")).toBe("20260414T153000Z");
    expect(prop(ics, "LAST-MODIFIED")).toBe("20260410T091500Z");
    expect(prop(ics, "SEQUENCE")).toBe("3");
    expect(prop(ics, "STATUS")).toBe("CONFIRMED");
  });

  it("escapes text values and reads them back unchanged", () => {
    expect(prop(ics, "SUMMARY")).toBe("Onsite interview: Platform Engineer at Acme\\, Inc.");
    expect(unescape(prop(ics, "DESCRIPTION")!)).toBe(event.description);
    expect(unescape(prop(ics, "LOCATION")!)).toBe(event.location);
    expect(prop(ics, "URL")).toBe(event.url);
  });

  it("marks a cancelled interview so calendars drop it", () => {
    expect(prop(interviewToIcs({ ...event, cancelled: true }), "STATUS")).toBe("CANCELLED");
  });

  it("leaves out empty location, link and description", () => {
    const bare = interviewToIcs({ ...event, location: "", url: "", description: "" });
    expect(prop(bare, "LOCATION")).toBeUndefined();
    expect(prop(bare, "URL")).toBeUndefined();
    expect(prop(bare, "DESCRIPTION")).toBeUndefined();
  });

  it("keeps a newline in a link from breaking the file", () => {
    const sneaky = interviewToIcs({ ...event, url: "https://x.example/a\r\nATTENDEE:mailto:eve@example.com" });
    expect(unfold(sneaky).some((l) => l.startsWith("ATTENDEE"))).toBe(false);
  });
});

describe("calendar primitives", () => {
  it("formats UTC stamps", () => {
    expect(utcStamp(new Date("2026-11-01T05:59:59.999Z"))).toBe("20261101T055959Z");
    expect(() => utcStamp(new Date("nope"))).toThrow(RangeError);
  });

  it("folds between characters, never inside a multi-byte one", () => {
    const line = `SUMMARY:${"é".repeat(30)}${"日本".repeat(20)}😀😀`;
    const folded = foldLine(line);
    for (const part of folded.split("\r\n")) {
      expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
      expect(Buffer.from(part, "utf8").toString("utf8")).toBe(part);
    }
    expect(folded.replace(/\r\n /g, "")).toBe(line);
  });

  it("round-trips any text through escaping and folding", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (text) => {
        const clean = text.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, "").replace(/\r\n|\r/g, "\n");
        const folded = foldLine(`DESCRIPTION:${escapeText(text)}`);
        for (const part of folded.split("\r\n")) expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
        const back = unescape(folded.replace(/\r\n /g, "").slice("DESCRIPTION:".length));
        expect(back).toBe(clean);
      }),
      { numRuns: 300 },
    );
  });

  it("names the file after the day and the client", () => {
    expect(icsFileName("2026-04-14", "Acme, Inc. (Europe)")).toBe("interview-2026-04-14-acme-inc-europe.ics");
    expect(icsFileName("2026-04-14", "日本")).toBe("interview-2026-04-14.ics");
  });
});
