-- Row-level security: the second line of defence behind the explicit
-- firm_id filters of db/queries. Tenant queries run as afterview_app (SET LOCAL
-- ROLE per transaction, see db/firm-db.ts) with app.firm_id and app.user_id
-- set for that transaction. The tables' owner (migrations, sign-in, background
-- jobs) is not subject to the policies: RLS is enabled, not forced.
--
-- Roles are shared by every database of the server, and several databases may
-- run this at once (test templates): creating and granting tolerate a race.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'afterview_app') THEN
    BEGIN
      CREATE ROLE afterview_app NOLOGIN;
    EXCEPTION
      WHEN duplicate_object OR unique_violation THEN NULL;
      WHEN insufficient_privilege THEN
        RAISE EXCEPTION 'Afterview needs a role afterview_app that % may switch to.', current_user
          USING HINT = format('As a superuser: CREATE ROLE afterview_app NOLOGIN; GRANT afterview_app TO %I;', current_user);
    END;
  END IF;
  IF NOT pg_has_role(current_user, 'afterview_app', 'MEMBER') THEN
    BEGIN
      EXECUTE format('GRANT afterview_app TO %I', current_user);
    EXCEPTION
      WHEN duplicate_object OR unique_violation THEN NULL;
    END;
  END IF;
END
$$;--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO afterview_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO afterview_app;--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO afterview_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO afterview_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO afterview_app;--> statement-breakpoint
-- Audit rows are append-only (0001's trigger); the app role may not even try.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM afterview_app;--> statement-breakpoint
-- Every table with a firm_id: rows of the transaction's firm only, for reads
-- and for writes. No firm set: no rows. A session row belongs to a person
-- (one session may be for any of their firms): their own sessions only.
DO $$
DECLARE
  t text;
BEGIN
  FOR t IN
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
    WHERE c.table_schema = 'public' AND c.column_name = 'firm_id' AND tb.table_type = 'BASE TABLE'
      AND c.table_name <> 'auth_sessions'
    ORDER BY 1
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY firm_isolation ON %I TO afterview_app '
      'USING (firm_id = nullif(current_setting(''app.firm_id'', true), '''')::uuid) '
      'WITH CHECK (firm_id = nullif(current_setting(''app.firm_id'', true), '''')::uuid)',
      t
    );
  END LOOP;
END
$$;--> statement-breakpoint
ALTER TABLE firms ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY firm_isolation ON firms TO afterview_app
  USING (id = nullif(current_setting('app.firm_id', true), '')::uuid)
  WITH CHECK (id = nullif(current_setting('app.firm_id', true), '')::uuid);--> statement-breakpoint
ALTER TABLE auth_sessions ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY own_sessions ON auth_sessions TO afterview_app
  USING (user_id = nullif(current_setting('app.user_id', true), '')::uuid)
  WITH CHECK (user_id = nullif(current_setting('app.user_id', true), '')::uuid);
