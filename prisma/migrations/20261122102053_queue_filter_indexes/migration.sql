-- More indexes for the officer's queue, on the same sort key as 20261122101500_queue_due_index:
-- COALESCE(extended_due_at, due_at, 'infinity'), then id. lib/requests/queue-sql.ts repeats the
-- expression and the partial-index predicate exactly, or the planner cannot use them.

-- One index per equality filter, so a rare value (appeals, Quebec) is a short range in due order
-- instead of a long walk through every request (26 ms for appeals on 1,000,000 rows without it).
CREATE INDEX "requests_type_due_key_id_idx" ON "requests" ("type", (COALESCE("extended_due_at", "due_at", 'infinity'::date)), "id");
CREATE INDEX "requests_jurisdiction_due_key_id_idx" ON "requests" ("jurisdiction", (COALESCE("extended_due_at", "due_at", 'infinity'::date)), "id");

-- `assignee_id IS NULL` is not an equality the planner can keep the order through, so the
-- (assignee_id, key, id) index cannot serve "unassigned"; this small partial index does.
CREATE INDEX "requests_unassigned_due_key_id_idx" ON "requests" ((COALESCE("extended_due_at", "due_at", 'infinity'::date)), "id")
  WHERE "assignee_id" IS NULL;
