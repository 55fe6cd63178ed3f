-- Identity numbers at rest: the main document number column gives way to a blind index and the
-- last four characters. SQL cannot seal (the key lives with the application), so the rows are
-- sealed and indexed by the data migration `pii_at_rest` (lib/db/data-migrations.ts), which
-- lib/db/migrate.ts runs right after this file and records in data_migrations.

-- DropIndex
DROP INDEX "enrollments_main_doc_number_idx";

-- AlterTable
ALTER TABLE "enrollments" DROP COLUMN "main_doc_number",
ADD COLUMN     "main_doc_index" CHAR(64),
ADD COLUMN     "main_doc_last4" VARCHAR(4);

-- CreateTable
CREATE TABLE "data_migrations" (
    "name" VARCHAR(100) NOT NULL,
    "finished_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "report" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "data_migrations_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "enrollments_main_doc_index_idx" ON "enrollments"("main_doc_index");
