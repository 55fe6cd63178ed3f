-- AlterTable
ALTER TABLE "users" ADD COLUMN     "branches" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "desk_lead" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "sso_group_roles" ADD COLUMN     "branches" TEXT[] DEFAULT ARRAY[]::TEXT[],
ALTER COLUMN "role" DROP NOT NULL;

-- AlterTable
ALTER TABLE "enrollments" ADD COLUMN     "owned_at" TIMESTAMPTZ(3),
ADD COLUMN     "owner_id" UUID;

-- CreateIndex
CREATE INDEX "enrollments_owner_id_received_at_id_idx" ON "enrollments"("owner_id", "received_at", "id");

-- AddForeignKey
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
