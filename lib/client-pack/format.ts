/**
 * Text and dates as the client pack prints them. The pack uses the PDF's
 * built-in Helvetica, whose encoding (WinAnsi) covers Western European
 * letters; anything else is spelled without its accents, or as "?", rather
 * than printed as garbage.
 */

/** The characters above Latin-1 that WinAnsi has (curly quotes, dashes, the euro sign, …). */
const WIN_ANSI_EXTRA = new Set([
  402, 8211, 8212, 8216, 8217, 8218, 8220, 8221, 8222, 8224, 8225, 8226, 8230, 8364, 8240, 8249, 8250, 710, 8482, 338, 339, 732, 352,
  353, 376, 381, 382,
]);

/** Letters NFKD does not take apart. */
const SPELLED: Record<string, string> = { Ł: "L", ł: "l", Đ: "D", đ: "d", Ħ: "H", ħ: "h", ı: "i", Ŧ: "T", ŧ: "t", "\u2028": "\n", "\u2029": "\n" };

function printable(code: number): boolean {
  return code === 9 || code === 10 || (code >= 32 && code <= 126) || (code >= 160 && code <= 255) || WIN_ANSI_EXTRA.has(code);
}

/** `text` in characters the PDF's standard fonts can draw. */
export function pdfText(text: string): string {
  let out = "";
  for (const ch of text.replace(/\r\n?/g, "\n")) {
    const code = ch.codePointAt(0)!;
    if (printable(code)) {
      out += ch;
      continue;
    }
    if (SPELLED[ch] !== undefined) {
      out += SPELLED[ch];
      continue;
    }
    const plain = ch.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
    out += plain !== "" && [...plain].every((c) => printable(c.codePointAt(0)!)) ? plain : code < 32 ? "" : "?";
  }
  return out;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(zone: string, long: boolean): Intl.DateTimeFormat {
  const key = `${zone}|${long}`;
  let f = dayFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      weekday: long ? "long" : "short",
      day: "numeric",
      month: long ? "long" : "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    });
    dayFormats.set(key, f);
  }
  return f;
}

function parts(date: Date, zone: string, long = false): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of dayFormat(zone, long).formatToParts(date)) out[p.type] = p.value;
  return out;
}

/** "6 December 2026", in the firm's time zone. */
export function packDate(date: Date, zone: string): string {
  const p = parts(date, zone, true);
  return `${p.day} ${p.month} ${p.year}`;
}

/** "Tue 14 Apr 2026, 10:00–11:00 EDT", in the firm's time zone. */
export function packInterviewTime(startsAt: Date, endsAt: Date, zone: string): string {
  const s = parts(startsAt, zone);
  const e = parts(endsAt, zone);
  return `${s.weekday} ${s.day} ${s.month} ${s.year}, ${s.hour}:${s.minute}\u2013${e.hour}:${e.minute} ${e.timeZoneName ?? ""}`.trim();
}

/** Characters no file system or download dialog should see in a name. */
const UNSAFE_IN_NAME = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

function namePart(text: string, fallback: string): string {
  const part = text.replace(UNSAFE_IN_NAME, " ").trim().replace(/\s+/g, "-").slice(0, 60).replace(/^-+|-+$/g, "");
  return part || fallback;
}

/** "Cora-Candidate-Platform-Engineer-client-pack.pdf" (Unicode kept; the route adds an ASCII fallback). */
export function clientPackFileName(candidateName: string, jobTitle: string): string {
  return `${namePart(candidateName, "candidate")}-${namePart(jobTitle, "job")}-client-pack.pdf`;
}
