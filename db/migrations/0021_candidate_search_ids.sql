-- The candidate search under row-level security. A policy lets a query's own condition use an
-- index only when every function in it is LEAKPROOF; `like`, `lower` and pg_trgm's `<%` are not,
-- so for afterview_app the search scanned all the firm's candidates (250 ms of a 300 ms search
-- at 200,000 candidates) and its trigram index served only the tables' owner. This function
-- runs the search as the owner, through the index, and returns ids, which the list then reads
-- as the app role, under the policy as before. It answers only for the firm the transaction is
-- set to (app.firm_id) when one is set: the policy's own condition, checked here because the
-- owner is not subject to it.
CREATE FUNCTION candidate_search_ids(p_firm uuid, p_term text, p_close boolean)
  RETURNS SETOF uuid
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
  ROWS 100
AS $$
BEGIN
  IF p_firm IS DISTINCT FROM coalesce(nullif(current_setting('app.firm_id', true), '')::uuid, p_firm) THEN
    RETURN;
  END IF;
  -- EXECUTE plans each search with its term, as the query outside a function would be.
  IF p_close THEN
    RETURN QUERY EXECUTE
      'SELECT id FROM candidates WHERE firm_id = $1 AND $2 <% lower(name || '' '' || email || '' '' || phone || '' '' || headline || '' '' || location)'
      USING p_firm, lower(p_term);
  ELSE
    RETURN QUERY EXECUTE
      'SELECT id FROM candidates WHERE firm_id = $1 AND lower(name || '' '' || email || '' '' || phone || '' '' || headline || '' '' || location) LIKE $2'
      USING p_firm, p_term;
  END IF;
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION candidate_search_ids(uuid, text, boolean) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION candidate_search_ids(uuid, text, boolean) TO afterview_app;
