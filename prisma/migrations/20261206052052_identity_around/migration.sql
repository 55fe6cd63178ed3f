-- What matching across enrollments reads around some enrollments (lib/enrollment/identity-matches.ts):
-- every other enrollment sharing one of their identity or person blind indexes, and the officers'
-- decisions taken on them or naming them, each as a JSON array. A function because PL/pgSQL keeps
-- its statements' plans for the connection: the queue runs this for every page of 50 rows, and as a
-- plain statement it took longer to plan than to run (bench/identity-matching.ts).
-- The OR of two `= ANY(array)` is one BitmapOr over both indexes; the names are scalar subqueries.
CREATE FUNCTION identity_around(p_ids uuid[], p_identities bpchar[], p_persons bpchar[], OUT peers json, OUT decisions json)
LANGUAGE plpgsql STABLE AS $$
BEGIN
  SELECT coalesce(json_agg(p), '[]'::json) INTO peers FROM (
    SELECT e.id::text, e.wisenroll_code, e.full_name, e.status::text AS status, e.customer_number::text AS customer_number,
           e.customer_since, e.push_finished_at, e.identity_index, e.person_index, e.main_doc_last4, e.branch_code
    FROM enrollments e
    WHERE (e.identity_index = ANY(p_identities) OR e.person_index = ANY(p_persons)) AND e.id <> ALL(p_ids)) p;
  SELECT coalesce(json_agg(d ORDER BY d.decided_at DESC, d.id DESC), '[]'::json) INTO decisions FROM (
    SELECT x.id::text, x.enrollment_id::text, x.kind::text AS kind, x.identity_index, x.person_index, x.other_enrollment_id::text,
           x.decided_by_id::text, (SELECT u.display_name FROM users u WHERE u.id = x.decided_by_id) AS decided_by,
           (SELECT u.display_name FROM users u WHERE u.id = x.confirmed_by_id) AS confirmed_by, x.reason, x.decided_at
    FROM identity_decisions x
    WHERE x.enrollment_id = ANY(p_ids) OR x.other_enrollment_id = ANY(p_ids)) d;
END;
$$;
