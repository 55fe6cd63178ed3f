-- AlterTable
ALTER TABLE "enrollments" ADD COLUMN     "intake_key_hash" CHAR(64);
