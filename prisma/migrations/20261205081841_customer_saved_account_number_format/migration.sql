-- AlterEnum
ALTER TYPE "EnrollmentStatus" ADD VALUE 'customer_saved';

-- AlterTable
ALTER TABLE "product_codes" ADD COLUMN     "account_number_length" INTEGER;

-- CreateIndex
CREATE INDEX "enrollments_customer_number_idx" ON "enrollments"("customer_number");

-- CreateIndex
CREATE INDEX "product_requests_product_code_updated_at_idx" ON "product_requests"("product_code", "updated_at" DESC);
