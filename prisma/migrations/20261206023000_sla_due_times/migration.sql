-- AlterTable
ALTER TABLE "enrollments" ADD COLUMN     "due_at" TIMESTAMPTZ(3),
ADD COLUMN     "sla_breached_at" TIMESTAMPTZ(3),
ADD COLUMN     "sla_escalated_at" TIMESTAMPTZ(3),
ADD COLUMN     "sla_stopped_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "sla_calendar" (
    "id" SMALLINT NOT NULL DEFAULT 1,
    "target_minutes" INTEGER NOT NULL,
    "time_zone" VARCHAR(64) NOT NULL,
    "hours" JSONB NOT NULL,
    "updated_by_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sla_calendar_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sla_branch_targets" (
    "branch_code" VARCHAR(40) NOT NULL,
    "target_minutes" INTEGER NOT NULL,
    "time_zone" VARCHAR(64),
    "updated_by_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sla_branch_targets_pkey" PRIMARY KEY ("branch_code")
);

-- CreateTable
CREATE TABLE "sla_holidays" (
    "id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "branch_code" VARCHAR(40),
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sla_holidays_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "sla_holidays_day_idx" ON "sla_holidays"("day");

-- CreateIndex
CREATE INDEX "enrollments_owner_id_due_at_id_idx" ON "enrollments"("owner_id", "due_at", "id");

-- CreateIndex
CREATE INDEX "enrollments_due_at_id_idx" ON "enrollments"("due_at", "id");
