-- The queue's "open" views and due filters now cover every request not finished yet, including
-- those with the customer who controls the data (REFERRED): their deadline still runs. The partial
-- index from 20261122101500_queue_due_index is rebuilt with lib/requests/queue-sql.ts's new
-- predicate (UNFINISHED_STATUSES), which the planner must find repeated exactly.
DROP INDEX "requests_open_due_key_id_idx";
CREATE INDEX "requests_open_due_key_id_idx" ON "requests" ((COALESCE("extended_due_at", "due_at", 'infinity'::date)), "id")
  WHERE "status" IN ('RECEIVED', 'IN_PROGRESS', 'AWAITING_REQUESTER', 'REFERRED');

-- Filtered by route: counts per status ("status = X AND route = Y", as *_queue_count_indexes), and
-- pages of a rare route (needs routing) or of one route and status, as one ordered range.
CREATE INDEX "requests_route_status_due_key_id_idx" ON "requests" ("route", "status", (COALESCE("extended_due_at", "due_at", 'infinity'::date)), "id");

-- The "closed" referral filter probes each request's referrals by request and status; with both
-- in one index the probe reads no table page. It also serves every lookup by request alone, so it
-- replaces the index on request_id.
DROP INDEX "referrals_request_id_idx";
CREATE INDEX "referrals_request_id_status_idx" ON "referrals"("request_id", "status");
