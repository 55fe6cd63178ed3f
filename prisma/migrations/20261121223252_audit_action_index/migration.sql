-- Hand-written: the audit viewer filters by action prefix (`login.`) and by actor, newest first
-- (keyset on id). varchar_pattern_ops lets `action LIKE 'prefix%'` use the index in any collation.
CREATE INDEX "x_audit_events_action_prefix" ON "audit_events" ("action" varchar_pattern_ops, "id");
CREATE INDEX "x_audit_events_actor_label" ON "audit_events" ("actor_label", "id");
