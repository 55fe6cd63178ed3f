-- AlterTable
ALTER TABLE "enrollment_presence" ADD COLUMN     "left" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "said_at" BIGINT NOT NULL DEFAULT 0;
