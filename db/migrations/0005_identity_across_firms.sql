CREATE TABLE "spent_tokens" (
	"key" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "mfa_last_step" integer;--> statement-breakpoint
CREATE INDEX "spent_tokens_expires_idx" ON "spent_tokens" USING btree ("expires_at");--> statement-breakpoint
-- Erasure of a candidate: audit rows keep their ids, actions and times but lose
-- personal values. The append-only trigger allows exactly that one change, and
-- only while audit_events_redact (below) is running in this transaction.
CREATE OR REPLACE FUNCTION audit_redact_jsonb(v jsonb) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  result jsonb;
BEGIN
  IF v IS NULL THEN
    RETURN NULL;
  END IF;
  CASE jsonb_typeof(v)
    WHEN 'object' THEN
      SELECT coalesce(jsonb_object_agg(e.key, audit_redact_jsonb(e.value)), '{}'::jsonb) INTO result FROM jsonb_each(v) AS e;
      RETURN result;
    WHEN 'array' THEN
      SELECT coalesce(jsonb_agg(audit_redact_jsonb(e.value)), '[]'::jsonb) INTO result FROM jsonb_array_elements(v) AS e;
      RETURN result;
    WHEN 'string' THEN
      IF (v #>> '{}') ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
        RETURN v;
      END IF;
      RETURN '"[erased]"'::jsonb;
    ELSE
      RETURN v;
  END CASE;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('afterview.audit_redaction', true) = 'on'
     AND NEW.firm_id = OLD.firm_id AND NEW.id = OLD.id AND NEW.action = OLD.action
     AND NEW.entity_type = OLD.entity_type AND NEW.entity_id IS NOT DISTINCT FROM OLD.entity_id
     AND NEW.request_id IS NOT DISTINCT FROM OLD.request_id AND NEW.created_at = OLD.created_at
     AND (NEW.actor_user_id IS NULL OR NEW.actor_user_id = OLD.actor_user_id)
     AND NEW.changes IS NOT DISTINCT FROM audit_redact_jsonb(OLD.changes)
     AND NEW.ip IS NULL THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
-- Redacts the firm's audit rows about the given entities (and, when p_actor is
-- given, forgets that person as the actor of the firm's rows). Called by the
-- app role inside a firm's transaction, it may only touch that firm's rows.
CREATE OR REPLACE FUNCTION audit_events_redact(p_firm_id uuid, p_entity_ids uuid[], p_actor uuid DEFAULT NULL) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  scoped text := nullif(current_setting('app.firm_id', true), '');
  n integer;
BEGIN
  IF scoped IS NOT NULL AND scoped::uuid <> p_firm_id THEN
    RAISE EXCEPTION 'audit_events_redact: another firm''s rows' USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM set_config('afterview.audit_redaction', 'on', true);
  UPDATE audit_events
     SET changes = audit_redact_jsonb(changes),
         ip = NULL,
         actor_user_id = CASE WHEN p_actor IS NOT NULL AND actor_user_id = p_actor THEN NULL ELSE actor_user_id END
   WHERE firm_id = p_firm_id
     AND (entity_id = ANY(p_entity_ids) OR (p_actor IS NOT NULL AND actor_user_id = p_actor));
  GET DIAGNOSTICS n = ROW_COUNT;
  PERFORM set_config('afterview.audit_redaction', '', true);
  RETURN n;
END;
$$;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION audit_events_redact(uuid, uuid[], uuid) TO afterview_app;
