CREATE TABLE "report_rollup_marks" (
	"firm_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_rollup_marks_firm_id_id_pk" PRIMARY KEY("firm_id","id")
);
--> statement-breakpoint
CREATE TABLE "report_rollup_state" (
	"firm_id" uuid NOT NULL,
	"time_zone" text NOT NULL,
	"backfill_next" date NOT NULL,
	"backfill_until" date NOT NULL,
	"complete" boolean DEFAULT false NOT NULL,
	"fresh_at" timestamp with time zone,
	CONSTRAINT "report_rollup_state_firm_id_pk" PRIMARY KEY("firm_id")
);
--> statement-breakpoint
CREATE TABLE "report_rollups" (
	"firm_id" uuid NOT NULL,
	"basis" text NOT NULL,
	"day" date NOT NULL,
	"week" date NOT NULL,
	"client_id" uuid NOT NULL,
	"recruiter_id" uuid NOT NULL,
	"stage" "application_stage" NOT NULL,
	"promise_due" date NOT NULL,
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
	"open_promises" integer DEFAULT 0 NOT NULL,
	"debrief_tenths" integer[] DEFAULT '{}'::int[] NOT NULL,
	"feedback_tenths" integer[] DEFAULT '{}'::int[] NOT NULL,
	"promise_days" integer[] DEFAULT '{}'::int[] NOT NULL,
	CONSTRAINT "report_rollups_firm_id_basis_day_week_client_id_recruiter_id_stage_promise_due_pk" PRIMARY KEY("firm_id","basis","day","week","client_id","recruiter_id","stage","promise_due"),
	CONSTRAINT "report_rollups_basis" CHECK ("report_rollups"."basis" in ('application', 'interview'))
);
--> statement-breakpoint
ALTER TABLE "report_rollup_marks" ADD CONSTRAINT "report_rollup_marks_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_rollup_state" ADD CONSTRAINT "report_rollup_state_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_rollups" ADD CONSTRAINT "report_rollups_firm_id_firms_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_rollup_marks_created_idx" ON "report_rollup_marks" USING btree ("firm_id","created_at");--> statement-breakpoint
-- The reports' rollups. Firm isolation as in 0006: the app role reads its own
-- firm's rollups and state, and its changes append marks (through the
-- triggers below, in the change's own transaction); rebuilding is the job's,
-- which works as the tables' owner.
ALTER TABLE "report_rollups" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY firm_isolation ON "report_rollups" TO afterview_app
  USING (firm_id = nullif(current_setting('app.firm_id', true), '')::uuid)
  WITH CHECK (firm_id = nullif(current_setting('app.firm_id', true), '')::uuid);--> statement-breakpoint
GRANT SELECT ON "report_rollups" TO afterview_app;--> statement-breakpoint
ALTER TABLE "report_rollup_state" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY firm_isolation ON "report_rollup_state" TO afterview_app
  USING (firm_id = nullif(current_setting('app.firm_id', true), '')::uuid)
  WITH CHECK (firm_id = nullif(current_setting('app.firm_id', true), '')::uuid);--> statement-breakpoint
GRANT SELECT ON "report_rollup_state" TO afterview_app;--> statement-breakpoint
ALTER TABLE "report_rollup_marks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY firm_isolation ON "report_rollup_marks" TO afterview_app
  USING (firm_id = nullif(current_setting('app.firm_id', true), '')::uuid)
  WITH CHECK (firm_id = nullif(current_setting('app.firm_id', true), '')::uuid);--> statement-breakpoint
GRANT SELECT, INSERT ON "report_rollup_marks" TO afterview_app;--> statement-breakpoint
-- The rebuild finds a day's applications by when they were made.
CREATE INDEX "report_applications_created_idx" ON "applications" USING btree ("firm_id", "created_at");--> statement-breakpoint
-- The triggers' "is a refresh already waiting?" reads the firm's queued jobs of one kind, not all it ever had.
CREATE INDEX "report_rollup_queued_jobs_idx" ON "background_jobs" USING btree ("firm_id", "kind") WHERE "state" = 'queued';--> statement-breakpoint
-- An instant to the quarter hour before it: every zone's offset is a whole number of quarter
-- hours, so on any calendar it falls on the same day, and a burst of changes leaves few marks.
CREATE FUNCTION report_rollup_quarter(x timestamptz) RETURNS timestamptz LANGUAGE sql IMMUTABLE AS $$
  SELECT to_timestamp(floor(extract(epoch FROM x) / 900) * 900)
$$;--> statement-breakpoint
CREATE FUNCTION report_rollup_queue(fs uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE f uuid;
BEGIN
  FOREACH f IN ARRAY fs LOOP
    IF NOT EXISTS (SELECT 1 FROM background_jobs j WHERE j.firm_id = f AND j.kind = 'reports.rollup' AND j.state = 'queued') THEN
      INSERT INTO background_jobs (firm_id, id, kind, payload, run_after)
        VALUES (f, gen_random_uuid(), 'reports.rollup', '{}'::jsonb, now() + interval '20 seconds');
    END IF;
  END LOOP;
END $$;--> statement-breakpoint
-- Marks the instants whose days (on the firm's calendar) the rollups must
-- rebuild, and queues the rebuild unless one is already waiting. Marks are
-- appended, never updated, so concurrent changes never wait on each other.
CREATE FUNCTION report_rollup_mark(f uuid, ats timestamptz[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_rollup_marks (firm_id, at)
    SELECT DISTINCT f, report_rollup_quarter(x) FROM unnest(ats) x WHERE x IS NOT NULL;
  PERFORM report_rollup_queue(array[f]);
END $$;--> statement-breakpoint
-- Inserts and deletes are marked once per statement (a bulk load runs the trigger once), updates
-- row by row, and only when a column the reports count changed (a debrief's autosave does not).
CREATE FUNCTION report_rollup_mark_statement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'applications' THEN
    INSERT INTO report_rollup_marks (firm_id, at)
      SELECT DISTINCT c.firm_id, report_rollup_quarter(c.created_at) FROM changed c;
  ELSIF TG_TABLE_NAME = 'application_stage_changes' THEN
    INSERT INTO report_rollup_marks (firm_id, at)
      SELECT DISTINCT a.firm_id, report_rollup_quarter(a.created_at)
      FROM changed c JOIN applications a ON a.firm_id = c.firm_id AND a.id = c.application_id;
  ELSIF TG_TABLE_NAME = 'interviews' THEN
    INSERT INTO report_rollup_marks (firm_id, at)
      SELECT DISTINCT firm_id, report_rollup_quarter(x) FROM (
        SELECT c.firm_id, c.starts_at AS x FROM changed c
        UNION ALL SELECT a.firm_id, a.created_at FROM changed c JOIN applications a ON a.firm_id = c.firm_id AND a.id = c.application_id
      ) m;
  ELSE
    -- debriefs, interviewer_feedback: where their interview counts.
    INSERT INTO report_rollup_marks (firm_id, at)
      SELECT DISTINCT i.firm_id, report_rollup_quarter(v.x)
      FROM changed c
      JOIN interviews i ON i.firm_id = c.firm_id AND i.id = c.interview_id
      JOIN applications a ON a.firm_id = i.firm_id AND a.id = i.application_id
      CROSS JOIN LATERAL (VALUES (i.starts_at), (a.created_at)) v(x);
  END IF;
  PERFORM report_rollup_queue(array(SELECT DISTINCT c.firm_id FROM changed c));
  RETURN NULL;
END $$;--> statement-breakpoint
-- An application counts on the day it was made; its interviews carry its stage, client and recruiter.
CREATE FUNCTION report_rollup_mark_application() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  PERFORM report_rollup_mark(r.firm_id,
    array[r.created_at, CASE WHEN TG_OP = 'UPDATE' THEN OLD.created_at END]
      || array(SELECT i.starts_at FROM interviews i WHERE i.firm_id = r.firm_id AND i.application_id = r.id));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER report_rollup_mark_insert AFTER INSERT ON "applications" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_mark_statement();--> statement-breakpoint
CREATE TRIGGER report_rollup_mark_delete AFTER DELETE ON "applications" REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_mark_statement();--> statement-breakpoint
CREATE TRIGGER report_rollup_mark_update AFTER UPDATE ON "applications" FOR EACH ROW
  WHEN (OLD.stage IS DISTINCT FROM NEW.stage OR OLD.recruiter_user_id IS DISTINCT FROM NEW.recruiter_user_id
    OR OLD.job_id IS DISTINCT FROM NEW.job_id OR OLD.created_at IS DISTINCT FROM NEW.created_at)
  EXECUTE FUNCTION report_rollup_mark_application();--> statement-breakpoint
-- A stage change moves the application's furthest stage.
CREATE FUNCTION report_rollup_mark_stage_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  PERFORM report_rollup_mark(r.firm_id,
    array(SELECT a.created_at FROM applications a WHERE a.firm_id = r.firm_id AND a.id = r.application_id));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER report_rollup_mark_insert AFTER INSERT ON "application_stage_changes" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_mark_statement();--> statement-breakpoint
CREATE TRIGGER report_rollup_mark_delete AFTER DELETE ON "application_stage_changes" REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_mark_statement();--> statement-breakpoint
CREATE TRIGGER report_rollup_mark_update AFTER UPDATE ON "application_stage_changes"
  FOR EACH ROW EXECUTE FUNCTION report_rollup_mark_stage_change();--> statement-breakpoint
-- An interview counts on the day it starts and on its application's day.
CREATE FUNCTION report_rollup_mark_interview() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  PERFORM report_rollup_mark(r.firm_id,
    array[r.starts_at, CASE WHEN TG_OP = 'UPDATE' THEN OLD.starts_at END]
      || array(SELECT a.created_at FROM applications a
               WHERE a.firm_id = r.firm_id AND a.id IN (r.application_id, CASE WHEN TG_OP = 'UPDATE' THEN OLD.application_id END)));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER report_rollup_mark_insert AFTER INSERT ON "interviews" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_mark_statement();--> statement-breakpoint
CREATE TRIGGER report_rollup_mark_delete AFTER DELETE ON "interviews" REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_mark_statement();--> statement-breakpoint
CREATE TRIGGER report_rollup_mark_update AFTER UPDATE ON "interviews" FOR EACH ROW
  WHEN (OLD.starts_at IS DISTINCT FROM NEW.starts_at OR OLD.ends_at IS DISTINCT FROM NEW.ends_at
    OR OLD.status IS DISTINCT FROM NEW.status OR OLD.application_id IS DISTINCT FROM NEW.application_id)
  EXECUTE FUNCTION report_rollup_mark_interview();--> statement-breakpoint
-- A debrief or a piece of feedback counts where its interview does.
CREATE FUNCTION report_rollup_mark_interview_part() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  PERFORM report_rollup_mark(r.firm_id, array(
    SELECT x FROM interviews i
      JOIN applications a ON a.firm_id = i.firm_id AND a.id = i.application_id
      CROSS JOIN LATERAL (VALUES (i.starts_at), (a.created_at)) v(x)
     WHERE i.firm_id = r.firm_id AND i.id IN (r.interview_id, CASE WHEN TG_OP = 'UPDATE' THEN OLD.interview_id END)));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER report_rollup_mark_insert AFTER INSERT ON "debriefs" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_mark_statement();--> statement-breakpoint
CREATE TRIGGER report_rollup_mark_delete AFTER DELETE ON "debriefs" REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_mark_statement();--> statement-breakpoint
CREATE TRIGGER report_rollup_mark_update AFTER UPDATE ON "debriefs" FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.first_submitted_at IS DISTINCT FROM NEW.first_submitted_at
    OR OLD.submitted_at IS DISTINCT FROM NEW.submitted_at OR OLD.reviewed_at IS DISTINCT FROM NEW.reviewed_at
    OR OLD.expected_decision_on IS DISTINCT FROM NEW.expected_decision_on OR OLD.interview_id IS DISTINCT FROM NEW.interview_id)
  EXECUTE FUNCTION report_rollup_mark_interview_part();--> statement-breakpoint
CREATE TRIGGER report_rollup_mark_insert AFTER INSERT ON "interviewer_feedback" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_mark_statement();--> statement-breakpoint
CREATE TRIGGER report_rollup_mark_delete AFTER DELETE ON "interviewer_feedback" REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_mark_statement();--> statement-breakpoint
CREATE TRIGGER report_rollup_mark_update AFTER UPDATE ON "interviewer_feedback" FOR EACH ROW
  WHEN (OLD.received_at IS DISTINCT FROM NEW.received_at OR OLD.interview_id IS DISTINCT FROM NEW.interview_id)
  EXECUTE FUNCTION report_rollup_mark_interview_part();--> statement-breakpoint
-- A job's client or owner is every one of its applications' and interviews'.
CREATE FUNCTION report_rollup_mark_job() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_rollup_mark(NEW.firm_id, array(
    SELECT x FROM applications a
      CROSS JOIN LATERAL (SELECT a.created_at UNION ALL SELECT i.starts_at FROM interviews i
                          WHERE i.firm_id = a.firm_id AND i.application_id = a.id) v(x)
     WHERE a.firm_id = NEW.firm_id AND a.job_id = NEW.id));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER report_rollup_mark_update AFTER UPDATE ON "jobs" FOR EACH ROW
  WHEN (OLD.client_id IS DISTINCT FROM NEW.client_id OR OLD.owner_user_id IS DISTINCT FROM NEW.owner_user_id)
  EXECUTE FUNCTION report_rollup_mark_job();--> statement-breakpoint
-- Existing firms: the rollups are built by a backfill job; the page reads the rows until it is done.
INSERT INTO "background_jobs" ("firm_id", "id", "kind", "payload", "dedupe_key")
  SELECT f.id, gen_random_uuid(), 'reports.backfill', '{}'::jsonb, 'reports.backfill:initial' FROM "firms" f;
