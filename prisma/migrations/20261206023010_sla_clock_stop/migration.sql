-- The review clock stops the first time the customer reaches the core (status pushed or
-- customer_saved), whoever or whatever sets the status: one trigger rather than every writer.
-- A later update (update_pending, another push) does not restart it.
CREATE FUNCTION enrollments_sla_stop() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.sla_stopped_at IS NULL AND NEW.status IN ('pushed', 'customer_saved') THEN
    NEW.sla_stopped_at := now();
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER enrollments_sla_stop BEFORE INSERT OR UPDATE OF status ON "enrollments"
  FOR EACH ROW EXECUTE FUNCTION enrollments_sla_stop();

-- Enrollments already in the core: stopped when the core first gave them the customer number.
UPDATE "enrollments" SET "sla_stopped_at" = COALESCE("customer_since", "push_finished_at", "updated_at")
  WHERE "sla_stopped_at" IS NULL AND ("customer_number" IS NOT NULL OR "status" IN ('pushed', 'customer_saved'));

-- The breach job's walk: open enrollments not yet marked, by due time (stopped ones leave it).
CREATE INDEX "x_enrollments_sla_open_due" ON "enrollments" ("due_at") WHERE "sla_stopped_at" IS NULL AND "sla_breached_at" IS NULL;
