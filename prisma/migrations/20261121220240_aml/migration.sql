-- CreateEnum
CREATE TYPE "AmlSubmissionStatus" AS ENUM ('queued', 'sending', 'accepted', 'rejected', 'failed');

-- CreateEnum
CREATE TYPE "AmlState" AS ENUM ('pending', 'accepted', 'hit', 'completed', 'rejected', 'failed');

-- CreateTable
CREATE TABLE "aml_submissions" (
    "id" UUID NOT NULL,
    "enrollment_id" UUID NOT NULL,
    "push_seq" INTEGER NOT NULL,
    "communication_number" VARCHAR(255) NOT NULL,
    "customer_ext_id" VARCHAR(64) NOT NULL,
    "request_body" TEXT NOT NULL,
    "status" "AmlSubmissionStatus" NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3),
    "errors" JSONB NOT NULL DEFAULT '[]',
    "message" TEXT,
    "triggered_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "aml_submissions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "aml_events" (
    "id" UUID NOT NULL,
    "event_id" VARCHAR(255) NOT NULL,
    "type" VARCHAR(255) NOT NULL,
    "source" VARCHAR(1000) NOT NULL,
    "subject" VARCHAR(255),
    "time" TIMESTAMPTZ(3),
    "data" JSONB,
    "raw_body" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "customer_ext_id" VARCHAR(64),
    "enrollment_id" UUID,

    CONSTRAINT "aml_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "aml_customers" (
    "customer_ext_id" VARCHAR(64) NOT NULL,
    "enrollment_id" UUID,
    "state" "AmlState" NOT NULL DEFAULT 'pending',
    "priority" INTEGER NOT NULL DEFAULT 0,
    "risk_rank" INTEGER NOT NULL DEFAULT -1,
    "submission_id" UUID,
    "submission_status" "AmlSubmissionStatus",
    "communication_number" VARCHAR(255),
    "submitted_at" TIMESTAMPTZ(3),
    "submission_message" TEXT,
    "screening" JSONB NOT NULL DEFAULT '{}',
    "kyc" JSONB,
    "profile" JSONB,
    "sanctions_hit" BOOLEAN NOT NULL DEFAULT false,
    "pep_hit" BOOLEAN NOT NULL DEFAULT false,
    "adverse_media_hit" BOOLEAN NOT NULL DEFAULT false,
    "internal_list_hit" BOOLEAN NOT NULL DEFAULT false,
    "has_hit" BOOLEAN NOT NULL DEFAULT false,
    "initial_risk_level" VARCHAR(10),
    "final_risk_level" VARCHAR(10),
    "risk_level" VARCHAR(10),
    "decision_type" VARCHAR(20),
    "decision_ground_code" VARCHAR(100),
    "event_count" INTEGER NOT NULL DEFAULT 0,
    "unknown_event_count" INTEGER NOT NULL DEFAULT 0,
    "last_event_at" TIMESTAMPTZ(3),
    "activity_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "aml_customers_pkey" PRIMARY KEY ("customer_ext_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "aml_submissions_communication_number_key" ON "aml_submissions"("communication_number");

-- CreateIndex
CREATE INDEX "aml_submissions_enrollment_id_created_at_idx" ON "aml_submissions"("enrollment_id", "created_at");

-- CreateIndex
CREATE INDEX "aml_submissions_status_next_attempt_at_idx" ON "aml_submissions"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "aml_submissions_customer_ext_id_idx" ON "aml_submissions"("customer_ext_id");

-- CreateIndex
CREATE UNIQUE INDEX "aml_events_event_id_key" ON "aml_events"("event_id");

-- CreateIndex
CREATE INDEX "aml_events_customer_ext_id_received_at_idx" ON "aml_events"("customer_ext_id", "received_at");

-- CreateIndex
CREATE INDEX "aml_events_enrollment_id_received_at_idx" ON "aml_events"("enrollment_id", "received_at");

-- CreateIndex
CREATE INDEX "aml_events_type_time_idx" ON "aml_events"("type", "time");

-- CreateIndex
CREATE INDEX "aml_customers_priority_risk_rank_activity_at_customer_ext_i_idx" ON "aml_customers"("priority" DESC, "risk_rank" DESC, "activity_at" DESC, "customer_ext_id" DESC);

-- CreateIndex
CREATE INDEX "aml_customers_activity_at_customer_ext_id_idx" ON "aml_customers"("activity_at" DESC, "customer_ext_id" DESC);

-- CreateIndex
CREATE INDEX "aml_customers_state_activity_at_idx" ON "aml_customers"("state", "activity_at" DESC);

-- CreateIndex
CREATE INDEX "aml_customers_enrollment_id_idx" ON "aml_customers"("enrollment_id");

-- AddForeignKey
ALTER TABLE "aml_submissions" ADD CONSTRAINT "aml_submissions_enrollment_id_fkey" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "aml_events" ADD CONSTRAINT "aml_events_enrollment_id_fkey" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "aml_customers" ADD CONSTRAINT "aml_customers_enrollment_id_fkey" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE SET NULL ON UPDATE CASCADE;
