import { z } from "zod";
import { COLUMNS, REPORTS, type ColumnType, type ReportKind } from "@/lib/core/reports/columns";
import { FILTER_KEYS, reportFiltersSchema } from "@/lib/core/reports/filters";

/**
 * The BI API's inputs and outputs as zod schemas: the route handlers parse
 * and type their answers with them, and the OpenAPI document
 * (./openapi.ts, served at /api/v1/openapi.json) is generated from them, so
 * the description cannot drift from what the routes do.
 */

/** Rows per page of GET /api/v1/pipeline. */
export const API_PAGE_DEFAULT = 200;
export const API_PAGE_MAX = 1000;

const limitMessage = `Give limit as a whole number from 1 to ${API_PAGE_MAX}.`;

export const apiQuery = {
  report: z.enum(REPORTS, { error: `Choose ${REPORTS.join(" or ")}.` }).default("applications"),
  limit: z.coerce
    .number({ error: limitMessage })
    .int({ error: limitMessage })
    .min(1, { error: limitMessage })
    .max(API_PAGE_MAX, { error: `At most ${API_PAGE_MAX} rows a page.` })
    .default(API_PAGE_DEFAULT),
  cursor: z.string().min(1),
  bom: z.enum(["0", "1"]).default("0"),
};

/** The report filters' own schemas (each without the blank-to-absent step the parser adds). */
export function filterParamSchemas(): Record<(typeof FILTER_KEYS)[number], z.ZodType> {
  const shape = reportFiltersSchema.shape as Record<string, z.ZodType & { def: { out?: z.ZodType } }>;
  return Object.fromEntries(FILTER_KEYS.map((k) => [k, shape[k]!.def.out ?? shape[k]!])) as Record<(typeof FILTER_KEYS)[number], z.ZodType>;
}

const CELL: Record<ColumnType, () => z.ZodType> = {
  text: () => z.string(),
  timestamp: () => z.iso.datetime(),
  date: () => z.iso.date(),
  integer: () => z.int(),
  number: () => z.number(),
};

/** One row of a report as the JSON API gives it: a key per column, null when empty. */
export function reportRowSchema(report: ReportKind) {
  return z.object(
    Object.fromEntries(COLUMNS[report].map((c) => [c.key, CELL[c.type]().nullable().meta({ description: c.description })])),
  );
}

export const pipelinePageSchema = z.object({
  report: z.enum(REPORTS),
  /** The filters applied, as query parameters (defaults included). */
  filters: z.record(z.string(), z.string()),
  columns: z.array(z.object({ key: z.string(), type: z.enum(["text", "timestamp", "date", "integer", "number"]) })),
  data: z.array(z.union([reportRowSchema("applications"), reportRowSchema("interviews")])),
  /** Pass as `cursor` for the next page, with the same report and filters; null on the last page. */
  next_cursor: z.string().nullable(),
});
export type PipelinePage = z.input<typeof pipelinePageSchema>;

export const apiErrorSchema = z.object({
  error: z.string(),
  /** For 422: the messages per query parameter. */
  fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
});
export type ApiError = z.input<typeof apiErrorSchema>;
