-- CreateTable
CREATE TABLE "staff_events" (
    "id" BIGSERIAL NOT NULL,
    "staff_id" UUID NOT NULL,
    "actor_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "data" JSONB,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "staff_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "staff_events_staff_id_at_idx" ON "staff_events"("staff_id", "at");

-- Like request_events: who changed whose access is never rewritten.
CREATE TRIGGER "staff_events_no_update_delete"
  BEFORE UPDATE OR DELETE ON "staff_events"
  FOR EACH ROW EXECUTE FUNCTION "request_events_append_only"();
