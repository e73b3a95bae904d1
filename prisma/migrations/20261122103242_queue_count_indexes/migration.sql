-- The queue's counts per status under a filter: "status = X AND <filter>" should be one index
-- range, counted up to a cap, however rare the filter is within that status. Without these, a
-- filter rare within a large status (appeals among denied requests, unverified among denied
-- ones) walked the whole status through the table: 20-200 ms on 1,000,000 requests.
-- The sort key (as in 20261122101500_queue_due_index) ends each index, so a page filtered by
-- type or law and by status is also one ordered range.

CREATE INDEX "requests_type_status_due_key_id_idx" ON "requests" ("type", "status", (COALESCE("extended_due_at", "due_at", 'infinity'::date)), "id");
CREATE INDEX "requests_jurisdiction_status_due_key_id_idx" ON "requests" ("jurisdiction", "status", (COALESCE("extended_due_at", "due_at", 'infinity'::date)), "id");

-- Unconfirmed requests are few (awaiting confirmation, closed unconfirmed, opt-outs that need no
-- confirmation); lib/requests/queue-sql.ts repeats this predicate exactly.
CREATE INDEX "requests_unverified_status_due_key_id_idx" ON "requests" ("status", (COALESCE("extended_due_at", "due_at", 'infinity'::date)), "id")
  WHERE "verified_at" IS NULL;
