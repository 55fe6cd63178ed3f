-- AlterTable
ALTER TABLE "audit_events" ADD COLUMN     "hash" CHAR(64),
ADD COLUMN     "prev_hash" CHAR(64);

-- Hand-written below: the chain itself. Every row carries sha256(previous hash | this row), set
-- here under one lock, so the chain's order is the id order and no insert can bypass it.
-- What one row contributes to the chain; the verification (lib/audit/verify-chain.ts) spells the
-- same expression on its own, so editing this function cannot hide an edited row.
CREATE FUNCTION audit_event_chain_text(e audit_events) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT concat_ws('|', e.id::text, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
    coalesce(e.actor_id::text, ''), e.actor_label, e.action, coalesce(e.target_type, ''),
    coalesce(e.target_id, ''), e.details::text, coalesce(e.ip, ''))
$$;

CREATE FUNCTION audit_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  previous text;
BEGIN
  -- One writer at a time until commit: the id is drawn under the lock, so id order = chain order.
  PERFORM pg_advisory_xact_lock(7267011);
  NEW.id := nextval(pg_get_serial_sequence('audit_events', 'id'));
  SELECT hash INTO previous FROM audit_events ORDER BY id DESC LIMIT 1;
  NEW.prev_hash := coalesce(previous, repeat('0', 64));
  NEW.hash := encode(sha256(convert_to(NEW.prev_hash || '|' || audit_event_chain_text(NEW), 'UTF8')), 'hex');
  RETURN NEW;
END;
$$;

-- Rows written before the chain existed are chained now, in id order.
ALTER TABLE "audit_events" DISABLE TRIGGER audit_events_no_update_delete;
DO $$
DECLARE
  r audit_events;
  previous text := repeat('0', 64);
BEGIN
  FOR r IN SELECT * FROM audit_events ORDER BY id LOOP
    r.prev_hash := previous;
    previous := encode(sha256(convert_to(previous || '|' || audit_event_chain_text(r), 'UTF8')), 'hex');
    UPDATE audit_events SET prev_hash = r.prev_hash, hash = previous WHERE id = r.id;
  END LOOP;
END;
$$;
ALTER TABLE "audit_events" ENABLE TRIGGER audit_events_no_update_delete;

CREATE TRIGGER audit_events_chain BEFORE INSERT ON "audit_events" FOR EACH ROW EXECUTE FUNCTION audit_events_chain();
