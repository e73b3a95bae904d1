-- CreateEnum
CREATE TYPE "StaffKind" AS ENUM ('PERSON', 'API_KEY');

-- AlterTable
ALTER TABLE "staff" ADD COLUMN     "kind" "StaffKind" NOT NULL DEFAULT 'PERSON';

-- CreateTable
CREATE TABLE "api_keys" (
    "id" UUID NOT NULL,
    "staff_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "key_hash" TEXT NOT NULL,
    "scopes" TEXT[],
    "expires_at" TIMESTAMP(3),
    "last_used_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_calls" (
    "id" BIGSERIAL NOT NULL,
    "key_id" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "method" TEXT NOT NULL,
    "route" TEXT NOT NULL,
    "subject_id" TEXT,
    "status" INTEGER NOT NULL,

    CONSTRAINT "api_calls_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_staff_id_key" ON "api_keys"("staff_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys"("key_hash");

-- CreateIndex
CREATE INDEX "api_calls_key_id_at_idx" ON "api_calls"("key_id", "at");

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_calls" ADD CONSTRAINT "api_calls_key_id_fkey" FOREIGN KEY ("key_id") REFERENCES "api_keys"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Every call an API key made is audit: append-only, like the request, staff and customer trails.
CREATE TRIGGER "api_calls_no_update_delete"
  BEFORE UPDATE OR DELETE ON "api_calls"
  FOR EACH ROW EXECUTE FUNCTION "request_events_append_only"();
CREATE TRIGGER "api_calls_no_truncate" BEFORE TRUNCATE ON "api_calls"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_tables_no_truncate"();
