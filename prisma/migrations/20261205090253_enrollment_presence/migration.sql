-- CreateTable
CREATE TABLE "enrollment_presence" (
    "enrollment_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "editing" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "enrollment_presence_pkey" PRIMARY KEY ("enrollment_id","user_id")
);

-- CreateIndex
CREATE INDEX "enrollment_presence_seen_at_idx" ON "enrollment_presence"("seen_at");
