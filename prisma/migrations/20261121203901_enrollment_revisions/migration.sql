-- CreateTable
CREATE TABLE "enrollment_revisions" (
    "id" UUID NOT NULL,
    "enrollment_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "section" VARCHAR(40) NOT NULL,
    "actor_id" UUID,
    "actor_label" VARCHAR(120) NOT NULL,
    "changes" JSONB NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "enrollment_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "enrollment_revisions_enrollment_id_version_key" ON "enrollment_revisions"("enrollment_id", "version");

-- AddForeignKey
ALTER TABLE "enrollment_revisions" ADD CONSTRAINT "enrollment_revisions_enrollment_id_fkey" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
