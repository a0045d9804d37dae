CREATE TABLE "report_rollup_period_medians" (
	"firm_id" uuid NOT NULL,
	"basis" text NOT NULL,
	"period" text NOT NULL,
	"dim" text NOT NULL,
	"key" text NOT NULL,
	"measure" integer NOT NULL,
	"lo" double precision NOT NULL,
	"mid" double precision NOT NULL,
	CONSTRAINT "report_rollup_period_medians_pk" PRIMARY KEY("firm_id","period","basis","dim","key","measure"),
	CONSTRAINT "report_rollup_period_medians_dim" CHECK ("report_rollup_period_medians"."dim" in ('firm', 'recruiter', 'client'))
);
--> statement-breakpoint
CREATE TABLE "report_rollup_period_totals" (
	"firm_id" uuid NOT NULL,
	"basis" text NOT NULL,
	"period" text NOT NULL,
	"dim" text NOT NULL,
	"key" text NOT NULL,
	"rollup_rows" integer DEFAULT 0 NOT NULL,
	"interview_rows" integer DEFAULT 0 NOT NULL,
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
	CONSTRAINT "report_rollup_period_totals_pk" PRIMARY KEY("firm_id","period","basis","dim","key"),
	CONSTRAINT "report_rollup_period_totals_basis" CHECK ("report_rollup_period_totals"."basis" in ('application', 'interview')),
	CONSTRAINT "report_rollup_period_totals_dim" CHECK ("report_rollup_period_totals"."dim" in ('firm', 'recruiter', 'client', 'week'))
);
--> statement-breakpoint
ALTER TABLE "report_rollup_period_medians" ADD CONSTRAINT "report_rollup_period_medians_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_rollup_period_totals" ADD CONSTRAINT "report_rollup_period_totals_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Firm isolation as for the all-time totals (0017, 0022): the app role reads its own firm's rows; the
-- rollup jobs, as the tables' owner, keep them.
ALTER TABLE "report_rollup_period_totals" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY firm_isolation ON "report_rollup_period_totals" TO afterview_app
  USING (firm_id = nullif(current_setting('app.firm_id', true), '')::uuid)
  WITH CHECK (firm_id = nullif(current_setting('app.firm_id', true), '')::uuid);--> statement-breakpoint
GRANT SELECT ON "report_rollup_period_totals" TO afterview_app;--> statement-breakpoint
ALTER TABLE "report_rollup_period_medians" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY firm_isolation ON "report_rollup_period_medians" TO afterview_app
  USING (firm_id = nullif(current_setting('app.firm_id', true), '')::uuid)
  WITH CHECK (firm_id = nullif(current_setting('app.firm_id', true), '')::uuid);--> statement-breakpoint
GRANT SELECT ON "report_rollup_period_medians" TO afterview_app;--> statement-breakpoint
-- The periods are built from the daily rows by the backfill (a job, in batches of days): every firm's
-- rollups start over, and the page reads the rows until its firm's are built again.
DELETE FROM "report_rollup_state";--> statement-breakpoint
INSERT INTO "background_jobs" ("firm_id", "id", "kind", "payload", "dedupe_key")
  SELECT f.id, gen_random_uuid(), 'reports.backfill', '{}'::jsonb, 'reports.backfill:periods' FROM "firms" f;
