-- AlterTable
ALTER TABLE "aml_events" ADD COLUMN     "raw_headers" JSONB;
