-- CreateIndex
CREATE INDEX "requests_received_at_type_idx" ON "requests"("received_at", "type");

-- The overview's closed-per-month chart (lib/dashboard/charts.ts): the closed requests of the last
-- 12 months, read from the index alone (when closed, received and due).
CREATE INDEX "requests_closed_at_chart_idx" ON "requests" ("closed_at") INCLUDE ("received_at", "due_at", "extended_due_at")
  WHERE "status" IN ('COMPLETED', 'DENIED');
