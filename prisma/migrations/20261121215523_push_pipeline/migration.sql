-- CreateEnum
CREATE TYPE "ProductRequestStatus" AS ENUM ('queued', 'sending', 'opened', 'partial', 'refused', 'needs_reconciliation', 'not_created');

-- AlterTable
ALTER TABLE "enrollments" ADD COLUMN     "push_error" TEXT,
ADD COLUMN     "push_finished_at" TIMESTAMPTZ(3),
ADD COLUMN     "push_requested_at" TIMESTAMPTZ(3),
ADD COLUMN     "push_requested_by_id" UUID,
ADD COLUMN     "push_seq" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "outbound_calls" ADD COLUMN     "product_request_id" UUID;

-- CreateTable
CREATE TABLE "product_requests" (
    "id" UUID NOT NULL,
    "enrollment_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "product_code" VARCHAR(4) NOT NULL,
    "open_date" DATE NOT NULL,
    "related_client_info" JSONB NOT NULL DEFAULT '[]',
    "status" "ProductRequestStatus" NOT NULL DEFAULT 'queued',
    "sent_in_push" INTEGER,
    "send_count" INTEGER NOT NULL DEFAULT 0,
    "accounts" JSONB NOT NULL DEFAULT '[]',
    "message" TEXT,
    "requested_by_id" UUID,
    "resolution" VARCHAR(20),
    "resolved_account_number" VARCHAR(40),
    "resolution_note" VARCHAR(500),
    "resolved_by_id" UUID,
    "resolved_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "product_requests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "product_requests_status_idx" ON "product_requests"("status");

-- CreateIndex
CREATE UNIQUE INDEX "product_requests_enrollment_id_position_key" ON "product_requests"("enrollment_id", "position");

-- AddForeignKey
ALTER TABLE "product_requests" ADD CONSTRAINT "product_requests_enrollment_id_fkey" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "product_requests" ADD CONSTRAINT "product_requests_product_code_fkey" FOREIGN KEY ("product_code") REFERENCES "product_codes"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbound_calls" ADD CONSTRAINT "outbound_calls_product_request_id_fkey" FOREIGN KEY ("product_request_id") REFERENCES "product_requests"("id") ON DELETE SET NULL ON UPDATE CASCADE;
