-- Row-level security and indexes. Under a policy, PostgreSQL lets a query's own
-- condition become an index condition (or run before the policy's) only when
-- its operator's function is LEAKPROOF. enum_eq and enum_ne are not marked so,
-- though each compares two OIDs and can neither fail nor reveal anything; so
-- for afterview_app every "state = 'open'", "status <> 'cancelled'" or
-- "stage in (...)" was a filter over all the firm's rows rather than part of an
-- index scan. At 856,000 tasks the overdue tab read every open task of the firm
-- and sorted them: 1.0 s under the policy against 3 ms for the tables' owner.
--
-- Only a superuser may mark a function LEAKPROOF. Where the migrating role is
-- not one, the queries stay correct and only slower; the warning says what a
-- superuser should run once in this database.
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    ALTER FUNCTION pg_catalog.enum_eq(anyenum, anyenum) LEAKPROOF;
    ALTER FUNCTION pg_catalog.enum_ne(anyenum, anyenum) LEAKPROOF;
  ELSE
    RAISE WARNING 'Afterview: % is not a superuser, so conditions on status columns cannot use indexes under row-level security.', current_user
      USING HINT = 'As a superuser, in this database: ALTER FUNCTION pg_catalog.enum_eq(anyenum, anyenum) LEAKPROOF; ALTER FUNCTION pg_catalog.enum_ne(anyenum, anyenum) LEAKPROOF;';
  END IF;
END $$;
