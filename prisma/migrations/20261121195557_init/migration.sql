-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('officer', 'compliance', 'admin');

-- CreateEnum
CREATE TYPE "EnrollmentStatus" AS ENUM ('received', 'in_review', 'ready', 'pushing', 'pushed', 'failed', 'needs_reconciliation');

-- CreateEnum
CREATE TYPE "OutboundStep" AS ENUM ('core_customer', 'core_product', 'amlyze_simplified_customer');

-- CreateEnum
CREATE TYPE "OutboundOutcome" AS ENUM ('pending', 'success', 'rejected', 'unknown', 'not_sent');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "username" VARCHAR(64) NOT NULL,
    "display_name" VARCHAR(120) NOT NULL,
    "role" "Role" NOT NULL,
    "password_hash" TEXT NOT NULL,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "must_change_password" BOOLEAN NOT NULL DEFAULT false,
    "locale" VARCHAR(5) NOT NULL DEFAULT 'en',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "last_login_at" TIMESTAMPTZ(3),

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_throttle" (
    "key" VARCHAR(200) NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "login_throttle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "enrollments" (
    "id" UUID NOT NULL,
    "received_payload" JSONB NOT NULL,
    "payload" JSONB NOT NULL,
    "requested_products" JSONB NOT NULL DEFAULT '[]',
    "content_hash" CHAR(64) NOT NULL,
    "status" "EnrollmentStatus" NOT NULL DEFAULT 'received',
    "issue_count" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "wisenroll_code" VARCHAR(64),
    "first_name" VARCHAR(120),
    "last_name" VARCHAR(120),
    "full_name" VARCHAR(400) NOT NULL DEFAULT '',
    "main_doc_type" VARCHAR(20),
    "main_doc_number" VARCHAR(100),
    "main_doc_country" VARCHAR(10),
    "branch_code" VARCHAR(40),
    "branch_name" VARCHAR(120),
    "customer_number" BIGINT,
    "aml_status" VARCHAR(40),
    "last_edited_by_id" UUID,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "enrollments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "product_codes" (
    "code" VARCHAR(4) NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "description" VARCHAR(500),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "product_codes_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "integration_settings" (
    "key" VARCHAR(100) NOT NULL,
    "value" JSONB,
    "secret" TEXT,
    "key_version" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_by_id" UUID,

    CONSTRAINT "integration_settings_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "outbound_calls" (
    "id" UUID NOT NULL,
    "enrollment_id" UUID NOT NULL,
    "step" "OutboundStep" NOT NULL,
    "call_key" VARCHAR(100) NOT NULL,
    "attempt" INTEGER NOT NULL,
    "triggered_by_id" UUID,
    "method" VARCHAR(10) NOT NULL DEFAULT 'POST',
    "url" TEXT NOT NULL,
    "request_body" TEXT NOT NULL,
    "http_status" INTEGER,
    "response_body" TEXT,
    "outcome" "OutboundOutcome" NOT NULL DEFAULT 'pending',
    "parsed" JSONB,
    "error" TEXT,
    "duration_ms" INTEGER,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbound_calls_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "actor_label" VARCHAR(120) NOT NULL,
    "action" VARCHAR(80) NOT NULL,
    "target_type" VARCHAR(40),
    "target_id" VARCHAR(100),
    "details" JSONB NOT NULL DEFAULT '{}',
    "ip" VARCHAR(64),

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "intake_api_keys" (
    "id" UUID NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "prefix" VARCHAR(16) NOT NULL,
    "key_hash" CHAR(64) NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "intake_api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_username_key" ON "users"("username");

-- CreateIndex
CREATE UNIQUE INDEX "enrollments_content_hash_key" ON "enrollments"("content_hash");

-- CreateIndex
CREATE UNIQUE INDEX "enrollments_wisenroll_code_key" ON "enrollments"("wisenroll_code");

-- CreateIndex
CREATE INDEX "enrollments_received_at_id_idx" ON "enrollments"("received_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "enrollments_status_received_at_id_idx" ON "enrollments"("status", "received_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "enrollments_branch_code_received_at_id_idx" ON "enrollments"("branch_code", "received_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "enrollments_main_doc_number_idx" ON "enrollments"("main_doc_number");

-- CreateIndex
CREATE INDEX "enrollments_full_name_id_idx" ON "enrollments"("full_name", "id");

-- CreateIndex
CREATE INDEX "enrollments_issue_count_id_idx" ON "enrollments"("issue_count", "id");

-- CreateIndex
CREATE INDEX "outbound_calls_enrollment_id_started_at_idx" ON "outbound_calls"("enrollment_id", "started_at");

-- CreateIndex
CREATE UNIQUE INDEX "outbound_calls_call_key_attempt_key" ON "outbound_calls"("call_key", "attempt");

-- CreateIndex
CREATE INDEX "audit_events_at_idx" ON "audit_events"("at");

-- CreateIndex
CREATE INDEX "audit_events_actor_id_at_idx" ON "audit_events"("actor_id", "at");

-- CreateIndex
CREATE INDEX "audit_events_target_type_target_id_idx" ON "audit_events"("target_type", "target_id");

-- CreateIndex
CREATE UNIQUE INDEX "intake_api_keys_key_hash_key" ON "intake_api_keys"("key_hash");

-- AddForeignKey
ALTER TABLE "outbound_calls" ADD CONSTRAINT "outbound_calls_enrollment_id_fkey" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
