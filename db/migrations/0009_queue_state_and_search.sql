-- Trigram search (pg_trgm: a trusted extension, and bundled with the embedded database).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "interview_queue" (
	"firm_id" uuid NOT NULL,
	"interview_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"recruiter_user_id" uuid,
	"ends_at" timestamp with time zone NOT NULL,
	"debrief_awaited" boolean DEFAULT false NOT NULL,
	"review_since" timestamp with time zone,
	"feedback_awaited" boolean DEFAULT false NOT NULL,
	"decision_due_on" date,
	"closed" boolean DEFAULT false NOT NULL,
	CONSTRAINT "interview_queue_firm_id_interview_id_pk" PRIMARY KEY("firm_id","interview_id")
);
--> statement-breakpoint
ALTER TABLE "firms" ADD COLUMN "queue_state_ready" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "interview_queue" ADD CONSTRAINT "interview_queue_firm_id_interview_id_interviews_firm_id_id_fk" FOREIGN KEY ("firm_id","interview_id") REFERENCES "public"."interviews"("firm_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "interview_queue_debrief_idx" ON "interview_queue" USING btree ("firm_id","ends_at") WHERE "interview_queue"."debrief_awaited";--> statement-breakpoint
CREATE INDEX "interview_queue_debrief_mine_idx" ON "interview_queue" USING btree ("firm_id","recruiter_user_id","ends_at") WHERE "interview_queue"."debrief_awaited";--> statement-breakpoint
CREATE INDEX "interview_queue_review_idx" ON "interview_queue" USING btree ("firm_id","review_since") WHERE "interview_queue"."review_since" is not null;--> statement-breakpoint
CREATE INDEX "interview_queue_review_mine_idx" ON "interview_queue" USING btree ("firm_id","recruiter_user_id","review_since") WHERE "interview_queue"."review_since" is not null;--> statement-breakpoint
CREATE INDEX "interview_queue_feedback_idx" ON "interview_queue" USING btree ("firm_id","ends_at") WHERE "interview_queue"."feedback_awaited";--> statement-breakpoint
CREATE INDEX "interview_queue_feedback_mine_idx" ON "interview_queue" USING btree ("firm_id","recruiter_user_id","ends_at") WHERE "interview_queue"."feedback_awaited";--> statement-breakpoint
CREATE INDEX "interview_queue_decision_idx" ON "interview_queue" USING btree ("firm_id","decision_due_on") WHERE "interview_queue"."decision_due_on" is not null;--> statement-breakpoint
CREATE INDEX "interview_queue_decision_mine_idx" ON "interview_queue" USING btree ("firm_id","recruiter_user_id","decision_due_on") WHERE "interview_queue"."decision_due_on" is not null;--> statement-breakpoint
CREATE INDEX "candidates_search_trgm_idx" ON "candidates" USING gin (lower("name" || ' ' || "email" || ' ' || "phone" || ' ' || "headline" || ' ' || "location") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "clients_search_trgm_idx" ON "clients" USING gin (lower("name" || ' ' || "industry" || ' ' || "website") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contacts_search_trgm_idx" ON "contacts" USING gin (lower("name" || ' ' || "title" || ' ' || coalesce("email", '') || ' ' || "phone") gin_trgm_ops);--> statement-breakpoint
-- The queue's stored state (db/schema/queue.ts). interview_queue_refresh works
-- out the rows of the given interviews from their records, with the same
-- definitions as the queue's live query (db/queries/dashboard/*), and writes
-- them only where they changed. It runs as the tables' owner (security
-- definer) for the keys the triggers pass it, so the app's role can read the
-- state and never write it. Rows are written in key order, so that two
-- changes to the same application lock their rows in the same order.
CREATE TYPE interview_key AS (firm_id uuid, id uuid);--> statement-breakpoint
CREATE FUNCTION interview_queue_refresh(keys interview_key[]) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO interview_queue AS q (firm_id, interview_id, application_id, recruiter_user_id, ends_at,
    debrief_awaited, review_since, feedback_awaited, decision_due_on, closed)
  SELECT i.firm_id, i.id, i.application_id, a.recruiter_user_id, i.ends_at,
    s.held AND s.open AND i.arranged_by_firm AND d.status IS DISTINCT FROM 'submitted' AND NOT s.skipped_debrief,
    CASE WHEN s.held AND d.status = 'submitted' AND (d.reviewed_at IS NULL OR d.reviewed_at < d.submitted_at)
      AND NOT s.skipped_review THEN d.submitted_at END,
    s.held AND s.open AND NOT s.any_feedback AND NOT s.skipped_feedback,
    CASE WHEN s.held AND a.stage IN ('sourced', 'submitted', 'interviewing') AND d.status = 'submitted'
      AND NOT s.decided AND NOT s.later_round AND NOT s.skipped_decision THEN d.expected_decision_on END,
    NOT (s.held AND s.open)
  FROM (SELECT DISTINCT k.firm_id, k.id FROM unnest(keys) AS k) k
  JOIN interviews i ON i.firm_id = k.firm_id AND i.id = k.id
  JOIN applications a ON a.firm_id = i.firm_id AND a.id = i.application_id
  LEFT JOIN debriefs d ON d.firm_id = i.firm_id AND d.interview_id = i.id
  CROSS JOIN LATERAL (SELECT
    i.status IN ('scheduled', 'completed') AS held,
    a.stage NOT IN ('rejected', 'withdrawn', 'placed') AS open,
    EXISTS (SELECT 1 FROM interviewer_feedback f WHERE f.firm_id = i.firm_id AND f.interview_id = i.id) AS any_feedback,
    EXISTS (SELECT 1 FROM interviewer_feedback f WHERE f.firm_id = i.firm_id AND f.interview_id = i.id
      AND f.decision IS NOT NULL AND f.decision <> 'hold') AS decided,
    EXISTS (SELECT 1 FROM interviews i2 WHERE i2.firm_id = i.firm_id AND i2.application_id = i.application_id
      AND i2.starts_at > i.starts_at AND i2.status <> 'cancelled') AS later_round,
    EXISTS (SELECT 1 FROM tasks t WHERE t.firm_id = i.firm_id AND t.interview_id = i.id
      AND t.policy_key = 'debrief' AND t.state = 'skipped') AS skipped_debrief,
    EXISTS (SELECT 1 FROM tasks t WHERE t.firm_id = i.firm_id AND t.interview_id = i.id
      AND t.policy_key = 'review_debrief' AND t.state = 'skipped') AS skipped_review,
    EXISTS (SELECT 1 FROM tasks t WHERE t.firm_id = i.firm_id AND t.interview_id = i.id
      AND t.policy_key = 'collect_feedback' AND t.state = 'skipped') AS skipped_feedback,
    EXISTS (SELECT 1 FROM tasks t WHERE t.firm_id = i.firm_id AND t.interview_id = i.id
      AND t.policy_key = 'chase_decision' AND t.state = 'skipped') AS skipped_decision
  ) s
  ORDER BY i.firm_id, i.id
  ON CONFLICT (firm_id, interview_id) DO UPDATE SET
    application_id = excluded.application_id, recruiter_user_id = excluded.recruiter_user_id,
    ends_at = excluded.ends_at, debrief_awaited = excluded.debrief_awaited, review_since = excluded.review_since,
    feedback_awaited = excluded.feedback_awaited, decision_due_on = excluded.decision_due_on, closed = excluded.closed
  WHERE (q.application_id, q.recruiter_user_id, q.ends_at, q.debrief_awaited, q.review_since, q.feedback_awaited,
    q.decision_due_on, q.closed) IS DISTINCT FROM (excluded.application_id, excluded.recruiter_user_id,
    excluded.ends_at, excluded.debrief_awaited, excluded.review_since, excluded.feedback_awaited,
    excluded.decision_due_on, excluded.closed)
$$;--> statement-breakpoint
-- Every interview of the given applications (keys of applications): a round's
-- change can open or close its siblings' decision item (a later round).
CREATE FUNCTION interview_queue_refresh_applications(keys interview_key[]) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT interview_queue_refresh(array(
    SELECT row(i.firm_id, i.id)::interview_key
    FROM (SELECT DISTINCT k.firm_id, k.id FROM unnest(keys) AS k) k
    JOIN interviews i ON i.firm_id = k.firm_id AND i.application_id = k.id))
$$;--> statement-breakpoint
-- Statement-level triggers with transition tables: one refresh per statement,
-- set-based, whether it changed one row or a million.
-- A round changed: every round of its application.
CREATE FUNCTION interview_queue_on_rounds() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM interview_queue_refresh_applications(array(SELECT row(firm_id, application_id)::interview_key FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM interview_queue_refresh_applications(array(SELECT row(firm_id, application_id)::interview_key FROM new_rows
      UNION SELECT row(firm_id, application_id)::interview_key FROM old_rows));
  ELSE
    PERFORM interview_queue_refresh_applications(array(SELECT row(firm_id, application_id)::interview_key FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
-- An application changed (stage, recruiter): its rounds.
CREATE FUNCTION interview_queue_on_applications() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM interview_queue_refresh_applications(array(SELECT row(firm_id, id)::interview_key FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM interview_queue_refresh_applications(array(SELECT row(firm_id, id)::interview_key FROM new_rows
      UNION SELECT row(firm_id, id)::interview_key FROM old_rows));
  ELSE
    PERFORM interview_queue_refresh_applications(array(SELECT row(firm_id, id)::interview_key FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
-- A debrief, feedback or task changed: its interview.
CREATE FUNCTION interview_queue_on_records() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM interview_queue_refresh(array(SELECT row(firm_id, interview_id)::interview_key FROM new_rows WHERE interview_id IS NOT NULL));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM interview_queue_refresh(array(SELECT row(firm_id, interview_id)::interview_key FROM new_rows WHERE interview_id IS NOT NULL
      UNION SELECT row(firm_id, interview_id)::interview_key FROM old_rows WHERE interview_id IS NOT NULL));
  ELSE
    PERFORM interview_queue_refresh(array(SELECT row(firm_id, interview_id)::interview_key FROM old_rows WHERE interview_id IS NOT NULL));
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER interview_queue_ins AFTER INSERT ON interviews REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION interview_queue_on_rounds();--> statement-breakpoint
CREATE TRIGGER interview_queue_upd AFTER UPDATE ON interviews REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION interview_queue_on_rounds();--> statement-breakpoint
CREATE TRIGGER interview_queue_del AFTER DELETE ON interviews REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION interview_queue_on_rounds();--> statement-breakpoint
CREATE TRIGGER interview_queue_upd AFTER UPDATE ON applications REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION interview_queue_on_applications();--> statement-breakpoint
CREATE TRIGGER interview_queue_ins AFTER INSERT ON debriefs REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION interview_queue_on_records();--> statement-breakpoint
CREATE TRIGGER interview_queue_upd AFTER UPDATE ON debriefs REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION interview_queue_on_records();--> statement-breakpoint
CREATE TRIGGER interview_queue_del AFTER DELETE ON debriefs REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION interview_queue_on_records();--> statement-breakpoint
CREATE TRIGGER interview_queue_ins AFTER INSERT ON interviewer_feedback REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION interview_queue_on_records();--> statement-breakpoint
CREATE TRIGGER interview_queue_upd AFTER UPDATE ON interviewer_feedback REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION interview_queue_on_records();--> statement-breakpoint
CREATE TRIGGER interview_queue_del AFTER DELETE ON interviewer_feedback REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION interview_queue_on_records();--> statement-breakpoint
CREATE TRIGGER interview_queue_ins AFTER INSERT ON tasks REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION interview_queue_on_records();--> statement-breakpoint
CREATE TRIGGER interview_queue_upd AFTER UPDATE ON tasks REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION interview_queue_on_records();--> statement-breakpoint
CREATE TRIGGER interview_queue_del AFTER DELETE ON tasks REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION interview_queue_on_records();--> statement-breakpoint
ALTER TABLE interview_queue ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY firm_isolation ON interview_queue TO afterview_app
  USING (firm_id = nullif(current_setting('app.firm_id', true), '')::uuid);--> statement-breakpoint
GRANT SELECT ON interview_queue TO afterview_app;--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON interview_queue FROM afterview_app;--> statement-breakpoint
-- Firms that already have interviews get their state filled in by a job, in
-- batches (lib/jobs/queue-backfill.ts); their queue is worked out from the
-- records until it has finished.
UPDATE firms SET queue_state_ready = false
  WHERE EXISTS (SELECT 1 FROM interviews i WHERE i.firm_id = firms.id);--> statement-breakpoint
INSERT INTO background_jobs (firm_id, id, kind, payload, max_attempts, dedupe_key)
  SELECT id, gen_random_uuid(), 'queue.backfill', '{}'::jsonb, 20, 'queue.backfill:start' FROM firms
  WHERE NOT queue_state_ready;
