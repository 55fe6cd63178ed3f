-- CreateTable
CREATE TABLE "queue_views" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "name" VARCHAR(60) NOT NULL,
    "filters" JSONB NOT NULL,
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "queue_views_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "queue_views_user_id_name_key" ON "queue_views"("user_id", "name");

-- AddForeignKey
ALTER TABLE "queue_views" ADD CONSTRAINT "queue_views_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- At most one default view per user.
CREATE UNIQUE INDEX "x_queue_views_one_default" ON "queue_views"("user_id") WHERE "is_default";
