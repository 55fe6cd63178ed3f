-- CreateEnum
CREATE TYPE "IdentityDecisionKind" AS ENUM ('same_person', 'different_person', 'not_duplicate');

-- AlterEnum
ALTER TYPE "EnrollmentStatus" ADD VALUE 'update_pending';

-- AlterTable
ALTER TABLE "enrollments" ADD COLUMN     "customer_since" TIMESTAMPTZ(3),
ADD COLUMN     "identity_index" CHAR(64),
ADD COLUMN     "person_index" CHAR(64);

-- CreateTable
CREATE TABLE "identity_decisions" (
    "id" UUID NOT NULL,
    "enrollment_id" UUID NOT NULL,
    "kind" "IdentityDecisionKind" NOT NULL,
    "identity_index" CHAR(64) NOT NULL,
    "person_index" CHAR(64),
    "other_enrollment_id" UUID,
    "reason" VARCHAR(500) NOT NULL,
    "decided_by_id" UUID NOT NULL,
    "decided_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmed_by_id" UUID,
    "confirmed_at" TIMESTAMPTZ(3),

    CONSTRAINT "identity_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "identity_decisions_enrollment_id_idx" ON "identity_decisions"("enrollment_id");

-- CreateIndex
CREATE INDEX "identity_decisions_other_enrollment_id_idx" ON "identity_decisions"("other_enrollment_id");

-- CreateIndex
CREATE INDEX "enrollments_identity_index_idx" ON "enrollments"("identity_index");

-- CreateIndex
CREATE INDEX "enrollments_person_index_idx" ON "enrollments"("person_index");

-- Customers pushed before: the date their push finished is the best the console knows.
UPDATE "enrollments" SET "customer_since" = COALESCE("push_finished_at", "updated_at") WHERE "customer_number" IS NOT NULL;
