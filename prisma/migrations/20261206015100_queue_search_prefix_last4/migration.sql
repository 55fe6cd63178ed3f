-- The queue's search by the start of a wisenroll code (LIKE 'K9Z%'): a pattern index, so the
-- prefix is served whatever the database's collation.
CREATE INDEX "x_enrollments_wisenroll_code_prefix" ON "enrollments" ("wisenroll_code" text_pattern_ops);

-- The queue's search by the last four characters of the main document, as the queue shows them.
CREATE INDEX "x_enrollments_main_doc_last4_upper" ON "enrollments" (upper("main_doc_last4"));
