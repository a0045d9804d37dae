CREATE TABLE "report_rollup_medians" (
	"firm_id" uuid NOT NULL,
	"dim" text NOT NULL,
	"key" text NOT NULL,
	"measure" integer NOT NULL,
	"lo" double precision NOT NULL,
	"mid" double precision NOT NULL,
	CONSTRAINT "report_rollup_medians_firm_id_dim_key_measure_pk" PRIMARY KEY("firm_id","dim","key","measure"),
	CONSTRAINT "report_rollup_medians_dim" CHECK ("report_rollup_medians"."dim" in ('firm', 'recruiter', 'client'))
);
--> statement-breakpoint
ALTER TABLE "report_rollup_medians" ADD CONSTRAINT "report_rollup_medians_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Firm isolation as for the totals (0017): the app role reads its own firm's medians; the rollup
-- jobs, as the tables' owner, keep them.
ALTER TABLE "report_rollup_medians" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY firm_isolation ON "report_rollup_medians" TO afterview_app
  USING (firm_id = nullif(current_setting('app.firm_id', true), '')::uuid)
  WITH CHECK (firm_id = nullif(current_setting('app.firm_id', true), '')::uuid);--> statement-breakpoint
GRANT SELECT ON "report_rollup_medians" TO afterview_app;--> statement-breakpoint
-- The medians of the value counts already built (as refreshMedians in db/queries/reports/rollup-build.ts
-- works them out): from here on every rebuild of a day keeps those it touches.
INSERT INTO report_rollup_medians (firm_id, dim, key, measure, lo, mid)
WITH h AS (
  SELECT v.firm_id, v.dim COLLATE "C" AS dim, v.key COLLATE "C" AS key, v.measure, v.value,
    sum(v.n) OVER (PARTITION BY v.firm_id, v.dim, v.key, v.measure ORDER BY v.value) AS running,
    sum(v.n) OVER (PARTITION BY v.firm_id, v.dim, v.key, v.measure) AS total
  FROM report_rollup_values v
), positions AS (
  SELECT h.firm_id, h.dim, h.key, h.measure, (max(h.total) - 1) / 2.0 AS q,
    min(h.value) FILTER (WHERE h.running >= h.total / 2.0) AS lo,
    min(h.value) FILTER (WHERE h.running > floor((h.total - 1) / 2.0)) AS a,
    min(h.value) FILTER (WHERE h.running > ceil((h.total - 1) / 2.0)) AS b
  FROM h GROUP BY h.firm_id, h.dim, h.key, h.measure
)
SELECT firm_id, dim, key, measure, lo::float8, a::float8 + (q - floor(q))::float8 * (b - a)::float8
FROM positions;
