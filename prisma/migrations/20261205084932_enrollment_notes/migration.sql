-- CreateTable
CREATE TABLE "enrollment_notes" (
    "id" UUID NOT NULL,
    "enrollment_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "body" VARCHAR(2000) NOT NULL,
    "mention_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "enrollment_notes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "enrollment_notes_enrollment_id_created_at_idx" ON "enrollment_notes"("enrollment_id", "created_at");

-- AddForeignKey
ALTER TABLE "enrollment_notes" ADD CONSTRAINT "enrollment_notes_enrollment_id_fkey" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "enrollment_notes" ADD CONSTRAINT "enrollment_notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: notes are append-only, whoever asks (as audit_events).
CREATE FUNCTION enrollment_notes_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'enrollment_notes is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER enrollment_notes_no_update_delete BEFORE UPDATE OR DELETE ON "enrollment_notes"
  FOR EACH ROW EXECUTE FUNCTION enrollment_notes_append_only();
CREATE TRIGGER enrollment_notes_no_truncate BEFORE TRUNCATE ON "enrollment_notes"
  FOR EACH STATEMENT EXECUTE FUNCTION enrollment_notes_append_only();

-- Notes are searched by any part of their text.
CREATE INDEX "x_enrollment_notes_body_trgm" ON "enrollment_notes" USING gin ("body" gin_trgm_ops);
