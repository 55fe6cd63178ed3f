-- CreateIndex
CREATE INDEX "enrollments_branch_code_full_name_id_idx" ON "enrollments"("branch_code", "full_name", "id");
