-- The queue's search (issue 13): a fragment of a reference, an email address or a name finds the
-- requests containing it, and a misspelt name finds those that sound close. Trigram indexes serve
-- both (ILIKE '%fragment%' and word similarity); pg_trgm is a trusted extension, so the database
-- owner that migrates may create it without being a superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "requests_reference_trgm_idx" ON "requests" USING gin ("reference" gin_trgm_ops);
CREATE INDEX "requests_requester_email_trgm_idx" ON "requests" USING gin ("requester_email" gin_trgm_ops);
CREATE INDEX "requests_requester_name_trgm_idx" ON "requests" USING gin ("requester_name" gin_trgm_ops);
