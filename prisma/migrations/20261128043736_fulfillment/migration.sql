-- CreateEnum
CREATE TYPE "DataSystemKind" AS ENUM ('POSTGRES', 'MYSQL', 'HTTP', 'MANUAL');

-- CreateEnum
CREATE TYPE "RunKind" AS ENUM ('ACCESS', 'EXPORT', 'WORKSPACE_EXPORT');

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('PLANNED', 'RUNNING', 'ASSEMBLING', 'READY', 'RELEASED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('QUEUED', 'RUNNING', 'WAITING_FOR_OWNER', 'DONE', 'FAILED', 'SKIPPED', 'CANCELLED');

-- AlterTable
ALTER TABLE "data_packages" ADD COLUMN     "released_at" TIMESTAMP(3),
ADD COLUMN     "run_id" UUID,
ALTER COLUMN "uploaded_by_id" DROP NOT NULL;

-- AlterTable
ALTER TABLE "organization_settings" ADD COLUMN     "auto_run_types" "RequestType"[] DEFAULT ARRAY[]::"RequestType"[];

-- CreateTable
CREATE TABLE "data_package_parts" (
    "package_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "ciphertext" BYTEA NOT NULL,

    CONSTRAINT "data_package_parts_pkey" PRIMARY KEY ("package_id","seq")
);

-- CreateTable
CREATE TABLE "data_systems" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "owner_email" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "third_party" BOOLEAN NOT NULL DEFAULT false,
    "kind" "DataSystemKind" NOT NULL,
    "connection" JSONB,
    "secret" BYTEA,
    "secret_set_at" TIMESTAMP(3),
    "tested_at" TIMESTAMP(3),
    "test_ok" BOOLEAN,
    "test_report" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "data_systems_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "data_collections" (
    "id" UUID NOT NULL,
    "system_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "workspace_field" TEXT,
    "http" JSONB,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "data_collections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "data_fields" (
    "id" UUID NOT NULL,
    "collection_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "categories" TEXT[],
    "identity" TEXT,
    "primary_key" BOOLEAN NOT NULL DEFAULT false,
    "references_field_id" UUID,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "data_fields_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "data_map_events" (
    "id" BIGSERIAL NOT NULL,
    "system_id" UUID,
    "actor_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "data" JSONB,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "data_map_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fulfillment_runs" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "referral_id" UUID,
    "kind" "RunKind" NOT NULL,
    "status" "RunStatus" NOT NULL DEFAULT 'PLANNED',
    "identities" BYTEA NOT NULL,
    "workspaces" TEXT[],
    "plan" JSONB NOT NULL,
    "started_by_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),
    "released_at" TIMESTAMP(3),
    "released_by_id" UUID,
    "cancelled_at" TIMESTAMP(3),
    "package_id" UUID,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "built_revision" INTEGER,
    "records_purged_at" TIMESTAMP(3),

    CONSTRAINT "fulfillment_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fulfillment_tasks" (
    "id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "system_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "depends_on" UUID[],
    "status" "TaskStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMP(3),
    "locked_by" TEXT,
    "last_error" TEXT,
    "records_found" INTEGER NOT NULL DEFAULT 0,
    "progress" JSONB,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),
    "owner_reminders_sent" INTEGER NOT NULL DEFAULT 0,
    "owner_next_follow_up_at" TIMESTAMP(3),
    "owner_escalated_at" TIMESTAMP(3),
    "owner_note" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "fulfillment_tasks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "record_chunks" (
    "id" BIGSERIAL NOT NULL,
    "task_id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "collection_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "row_count" INTEGER NOT NULL,
    "ciphertext" BYTEA NOT NULL,

    CONSTRAINT "record_chunks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "record_exclusions" (
    "id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "collection_id" UUID NOT NULL,
    "record_key" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "staff_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "record_exclusions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "task_files" (
    "id" UUID NOT NULL,
    "task_id" UUID NOT NULL,
    "filename" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "ciphertext" BYTEA,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "task_files_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "task_tokens" (
    "id" UUID NOT NULL,
    "task_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "revoked_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "task_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "data_systems_key_key" ON "data_systems"("key");

-- CreateIndex
CREATE UNIQUE INDEX "data_collections_system_id_name_key" ON "data_collections"("system_id", "name");

-- CreateIndex
CREATE INDEX "data_fields_references_field_id_idx" ON "data_fields"("references_field_id");

-- CreateIndex
CREATE UNIQUE INDEX "data_fields_collection_id_name_key" ON "data_fields"("collection_id", "name");

-- CreateIndex
CREATE INDEX "data_map_events_system_id_at_idx" ON "data_map_events"("system_id", "at");

-- CreateIndex
CREATE INDEX "data_map_events_at_idx" ON "data_map_events"("at");

-- CreateIndex
CREATE UNIQUE INDEX "fulfillment_runs_package_id_key" ON "fulfillment_runs"("package_id");

-- CreateIndex
CREATE INDEX "fulfillment_runs_request_id_created_at_idx" ON "fulfillment_runs"("request_id", "created_at");

-- CreateIndex
CREATE INDEX "fulfillment_runs_referral_id_idx" ON "fulfillment_runs"("referral_id");

-- CreateIndex
CREATE INDEX "fulfillment_runs_status_idx" ON "fulfillment_runs"("status");

-- CreateIndex
CREATE INDEX "fulfillment_tasks_status_locked_until_idx" ON "fulfillment_tasks"("status", "locked_until");

-- CreateIndex
CREATE INDEX "fulfillment_tasks_owner_next_follow_up_at_idx" ON "fulfillment_tasks"("owner_next_follow_up_at");

-- CreateIndex
CREATE UNIQUE INDEX "fulfillment_tasks_run_id_system_id_key" ON "fulfillment_tasks"("run_id", "system_id");

-- CreateIndex
CREATE INDEX "record_chunks_run_id_collection_id_seq_idx" ON "record_chunks"("run_id", "collection_id", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "record_chunks_task_id_collection_id_seq_key" ON "record_chunks"("task_id", "collection_id", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "record_exclusions_run_id_collection_id_record_key_key" ON "record_exclusions"("run_id", "collection_id", "record_key");

-- CreateIndex
CREATE INDEX "task_files_task_id_idx" ON "task_files"("task_id");

-- CreateIndex
CREATE UNIQUE INDEX "task_tokens_token_hash_key" ON "task_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "task_tokens_task_id_idx" ON "task_tokens"("task_id");

-- CreateIndex
CREATE INDEX "data_packages_run_id_idx" ON "data_packages"("run_id");

-- AddForeignKey
ALTER TABLE "data_package_parts" ADD CONSTRAINT "data_package_parts_package_id_fkey" FOREIGN KEY ("package_id") REFERENCES "data_packages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "data_collections" ADD CONSTRAINT "data_collections_system_id_fkey" FOREIGN KEY ("system_id") REFERENCES "data_systems"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "data_fields" ADD CONSTRAINT "data_fields_collection_id_fkey" FOREIGN KEY ("collection_id") REFERENCES "data_collections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "data_fields" ADD CONSTRAINT "data_fields_references_field_id_fkey" FOREIGN KEY ("references_field_id") REFERENCES "data_fields"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fulfillment_runs" ADD CONSTRAINT "fulfillment_runs_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fulfillment_runs" ADD CONSTRAINT "fulfillment_runs_referral_id_fkey" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fulfillment_tasks" ADD CONSTRAINT "fulfillment_tasks_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "fulfillment_runs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fulfillment_tasks" ADD CONSTRAINT "fulfillment_tasks_system_id_fkey" FOREIGN KEY ("system_id") REFERENCES "data_systems"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "record_chunks" ADD CONSTRAINT "record_chunks_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "fulfillment_tasks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "record_exclusions" ADD CONSTRAINT "record_exclusions_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "fulfillment_runs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_files" ADD CONSTRAINT "task_files_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "fulfillment_tasks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_tokens" ADD CONSTRAINT "task_tokens_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "fulfillment_tasks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every package that existed before runs was uploaded by an officer and handed over at once.
UPDATE "data_packages" SET "released_at" = "created_at" WHERE "released_at" IS NULL;

-- The data map's audit trail is append-only, like the request, staff and customer trails.
CREATE TRIGGER "data_map_events_no_update_delete"
  BEFORE UPDATE OR DELETE ON "data_map_events"
  FOR EACH ROW EXECUTE FUNCTION "request_events_append_only"();
CREATE TRIGGER "data_map_events_no_truncate" BEFORE TRUNCATE ON "data_map_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_tables_no_truncate"();
