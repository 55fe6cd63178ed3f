-- Hand-written: what schema.prisma cannot express. Indexes here are prefixed x_ so the
-- drift test can tell them from Prisma's own.

-- Queue search by any part of a name.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "x_enrollments_full_name_trgm" ON "enrollments" USING gin ("full_name" gin_trgm_ops);

-- The audit log is append-only: no UPDATE, DELETE or TRUNCATE, whoever asks.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
