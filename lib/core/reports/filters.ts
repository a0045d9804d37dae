import { TZDate } from "@date-fns/tz";
import { z } from "zod";
import { STAGES, type Stage } from "@/lib/core/vocabulary";

/**
 * The report filters, shared by the reports page (URL search params), the
 * CSV/XLSX downloads and the BI API (query parameters). Ids are checked for
 * shape here and for existence in the firm by the query layer.
 */

export const DATE_BASES = ["application", "interview"] as const;
export type DateBasis = (typeof DATE_BASES)[number];

export const FILTER_KEYS = ["dates", "from", "to", "client", "job", "recruiter", "stage"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day between 2000 and 2100 (a typo like 2026-02-31 or 20261-01-01 is refused). */
function isCalendarDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  if (y < 2000 || y > 2100) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const blankToUndefined = (v: unknown) => {
  if (Array.isArray(v)) v = v[0];
  if (typeof v !== "string") return v;
  const t = v.trim();
  return t === "" ? undefined : t;
};

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const day = (label: string) =>
  z
    .string()
    .refine(isCalendarDay, { error: `Enter the ${label} as a date like 2026-03-31.` })
    .meta({ format: "date" });

const id = (what: string) => z.uuid({ error: `That ${what} is not one of this firm's.` });

export const reportFiltersSchema = z
  .object({
    dates: z.preprocess(
      blankToUndefined,
      z.enum(DATE_BASES, { error: "Choose application date or interview date." }).default("application"),
    ),
    from: optional(day("start date")),
    to: optional(day("end date")),
    client: optional(id("client")),
    job: optional(id("job")),
    recruiter: optional(id("recruiter")),
    stage: optional(z.enum(STAGES, { error: `Choose one of the stages: ${STAGES.join(", ")}.` })),
  });

export const RANGE_ERROR = "The end date is before the start date.";

export type ReportFilters = z.output<typeof reportFiltersSchema>;
export type FilterFieldErrors = Partial<Record<FilterKey, string[]>>;

export const EMPTY_FILTERS: ReportFilters = { dates: "application" };

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function pick(raw: RawParams): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const key of FILTER_KEYS) {
    if (raw instanceof URLSearchParams) out[key] = raw.get(key) ?? undefined;
    else {
      const v = raw[key];
      out[key] = Array.isArray(v) ? v[0] : v;
    }
  }
  return out;
}

export type ParsedFilters =
  | { ok: true; filters: ReportFilters; raw: Record<string, string | undefined> }
  | { ok: false; fieldErrors: FilterFieldErrors; raw: Record<string, string | undefined> };

/** Reads the filters from search params; other keys (cursor, format, …) are left to the caller. */
export function parseReportFilters(raw: RawParams): ParsedFilters {
  const picked = pick(raw);
  const parsed = reportFiltersSchema.safeParse(picked);
  const fieldErrors: FilterFieldErrors = parsed.success ? {} : (z.flattenError(parsed.error).fieldErrors as FilterFieldErrors);
  // Checked apart from the schema so that it is reported alongside any other field's error.
  const from = picked.from?.trim();
  const to = picked.to?.trim();
  if (from && to && isCalendarDay(from) && isCalendarDay(to) && to < from) fieldErrors.to = [RANGE_ERROR];
  if (!parsed.success || Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors, raw: picked };
  return { ok: true, filters: parsed.data, raw: picked };
}

/** The filters as search params, without the defaults, in a stable order (shareable URLs, cursors). */
export function filtersToSearchParams(filters: ReportFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (filters.dates !== "application") p.set("dates", filters.dates);
  for (const key of ["from", "to", "client", "job", "recruiter", "stage"] as const) {
    const v = filters[key];
    if (v) p.set(key, v);
  }
  return p;
}

/** The same as a plain object for audit events and export runs. */
export function filtersForRecord(filters: ReportFilters): Record<string, string> {
  return Object.fromEntries(filtersToSearchParams(filters).entries());
}

export function hasAnyFilter(filters: ReportFilters): boolean {
  return filtersToSearchParams(filters).size > 0;
}

/**
 * The date range as instants: from the start of `from` to the start of the day
 * after `to`, on the firm's calendar, so "to 2026-03-31" includes that whole day
 * wherever the server runs.
 */
export function dateBounds(filters: ReportFilters, timeZone: string): { from?: Date; until?: Date } {
  // TZDate normalises the day after the 31st and skips a DST gap at midnight.
  const at = (key: string, plusDays = 0) => {
    const [y, m, d] = key.split("-").map(Number) as [number, number, number];
    return new Date(new TZDate(y, m - 1, d + plusDays, timeZone).getTime());
  };
  return {
    from: filters.from ? at(filters.from) : undefined,
    until: filters.to ? at(filters.to, 1) : undefined,
  };
}

export function isStage(value: string): value is Stage {
  return (STAGES as readonly string[]).includes(value);
}
