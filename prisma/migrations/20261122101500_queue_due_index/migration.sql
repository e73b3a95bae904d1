-- The officer's queue sorts by the effective due date (an extension replaces the original date),
-- with requests that have none yet (GDPR requests awaiting email confirmation) last, then by id.
-- COALESCE(..., 'infinity') makes that one non-null key, so a keyset page is a single row
-- comparison `(key, id) > ($1, $2)` that walks these indexes. Prisma cannot express an index on
-- an expression, so they are written by hand; `prisma-migration check` does not report them.

-- Every request, or one filter applied while walking it (type, jurisdiction, verified).
CREATE INDEX "requests_due_key_id_idx" ON "requests" ((COALESCE("extended_due_at", "due_at", 'infinity'::date)), "id");

-- Filtered by status.
CREATE INDEX "requests_status_due_key_id_idx" ON "requests" ("status", (COALESCE("extended_due_at", "due_at", 'infinity'::date)), "id");

-- Filtered by assignee ("mine", "unassigned").
CREATE INDEX "requests_assignee_due_key_id_idx" ON "requests" ("assignee_id", (COALESCE("extended_due_at", "due_at", 'infinity'::date)), "id");

-- Open requests only: the overdue / due this week / later filters, which leave out closed requests
-- whose old dates would otherwise be walked past first. The queue repeats this exact predicate.
CREATE INDEX "requests_open_due_key_id_idx" ON "requests" ((COALESCE("extended_due_at", "due_at", 'infinity'::date)), "id")
  WHERE "status" IN ('RECEIVED', 'IN_PROGRESS', 'AWAITING_REQUESTER');
