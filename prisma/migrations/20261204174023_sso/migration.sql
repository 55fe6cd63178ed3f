-- AlterTable
ALTER TABLE "users" ADD COLUMN     "sso_issuer" VARCHAR(500),
ADD COLUMN     "sso_subject" VARCHAR(255);

-- CreateTable
CREATE TABLE "sso_group_roles" (
    "group_name" VARCHAR(255) NOT NULL,
    "role" "Role" NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_by_id" UUID,

    CONSTRAINT "sso_group_roles_pkey" PRIMARY KEY ("group_name")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_sso_issuer_sso_subject_key" ON "users"("sso_issuer", "sso_subject");
