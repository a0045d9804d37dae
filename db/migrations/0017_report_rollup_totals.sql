CREATE TABLE "report_rollup_totals" (
	"firm_id" uuid NOT NULL,
	"basis" text NOT NULL,
	"dim" text NOT NULL,
	"key" text NOT NULL,
	"rollup_rows" integer DEFAULT 0 NOT NULL,
	"reached1" integer DEFAULT 0 NOT NULL,
	"reached2" integer DEFAULT 0 NOT NULL,
	"reached3" integer DEFAULT 0 NOT NULL,
	"reached4" integer DEFAULT 0 NOT NULL,
	"reached5" integer DEFAULT 0 NOT NULL,
	"interviews" integer DEFAULT 0 NOT NULL,
	"completed" integer DEFAULT 0 NOT NULL,
	"debriefed" integer DEFAULT 0 NOT NULL,
	"promised" integer DEFAULT 0 NOT NULL,
	"answered" integer DEFAULT 0 NOT NULL,
	"kept" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_rollup_totals_firm_id_basis_dim_key_pk" PRIMARY KEY("firm_id","basis","dim","key"),
	CONSTRAINT "report_rollup_totals_basis" CHECK ("report_rollup_totals"."basis" in ('application', 'interview')),
	CONSTRAINT "report_rollup_totals_dim" CHECK ("report_rollup_totals"."dim" in ('firm', 'recruiter', 'client', 'week'))
);
--> statement-breakpoint
CREATE TABLE "report_rollup_values" (
	"firm_id" uuid NOT NULL,
	"dim" text NOT NULL,
	"key" text NOT NULL,
	"measure" integer NOT NULL,
	"value" integer NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "report_rollup_values_firm_id_dim_key_measure_value_pk" PRIMARY KEY("firm_id","dim","key","measure","value"),
	CONSTRAINT "report_rollup_values_dim" CHECK ("report_rollup_values"."dim" in ('firm', 'recruiter', 'client'))
);
--> statement-breakpoint
ALTER TABLE "report_rollup_totals" ADD CONSTRAINT "report_rollup_totals_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_rollup_values" ADD CONSTRAINT "report_rollup_values_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_rollups_open_promises_idx" ON "report_rollups" USING btree ("firm_id","basis","promise_due") WHERE "report_rollups"."promise_due" <> '9999-12-31'::date;--> statement-breakpoint
-- Firm isolation as for the daily rollups (0010): the app role reads its own firm's totals; the
-- rollup jobs, as the tables' owner, keep them.
ALTER TABLE "report_rollup_totals" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY firm_isolation ON "report_rollup_totals" TO afterview_app
  USING (firm_id = nullif(current_setting('app.firm_id', true), '')::uuid)
  WITH CHECK (firm_id = nullif(current_setting('app.firm_id', true), '')::uuid);--> statement-breakpoint
GRANT SELECT ON "report_rollup_totals" TO afterview_app;--> statement-breakpoint
ALTER TABLE "report_rollup_values" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY firm_isolation ON "report_rollup_values" TO afterview_app
  USING (firm_id = nullif(current_setting('app.firm_id', true), '')::uuid)
  WITH CHECK (firm_id = nullif(current_setting('app.firm_id', true), '')::uuid);--> statement-breakpoint
GRANT SELECT ON "report_rollup_values" TO afterview_app;--> statement-breakpoint
-- The totals of the rollups already built: from here on every rebuild of a day keeps them.
INSERT INTO report_rollup_totals (firm_id, basis, dim, key, rollup_rows, reached1, reached2, reached3, reached4, reached5,
    interviews, completed, debriefed, promised, answered, kept)
  SELECT r.firm_id, r.basis, x.dim, x.key, count(*), sum(r.reached1), sum(r.reached2), sum(r.reached3), sum(r.reached4), sum(r.reached5),
    sum(r.interviews), sum(r.completed), sum(r.debriefed), sum(r.promised), sum(r.answered), sum(r.kept)
  FROM report_rollups r
  CROSS JOIN LATERAL (VALUES ('firm', ''), ('recruiter', r.recruiter_id::text), ('client', r.client_id::text),
    ('week', CASE WHEN r.basis = 'interview' THEN r.week::text END)) x(dim, key)
  WHERE x.key IS NOT NULL AND (r.basis = 'interview' OR r.week = '9999-12-31'::date)
  GROUP BY r.firm_id, r.basis, x.dim, x.key;--> statement-breakpoint
INSERT INTO report_rollup_values (firm_id, dim, key, measure, value, n)
  SELECT r.firm_id, x.dim, x.key, v.m, v.v, count(*)
  FROM report_rollups r
  CROSS JOIN LATERAL (VALUES ('firm', ''), ('recruiter', r.recruiter_id::text), ('client', r.client_id::text)) x(dim, key)
  CROSS JOIN LATERAL (
    SELECT 1 AS m, unnest(r.debrief_tenths) AS v
    UNION ALL SELECT 2, unnest(r.feedback_tenths)
    UNION ALL SELECT 3, unnest(r.promise_days)
  ) v
  WHERE r.basis = 'interview'
  GROUP BY r.firm_id, x.dim, x.key, v.m, v.v;
