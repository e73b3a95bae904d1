-- CreateEnum
CREATE TYPE "RequestRoute" AS ENUM ('OPERATOR', 'CUSTOMER', 'SPLIT', 'UNRESOLVED');

-- CreateEnum
CREATE TYPE "DataScope" AS ENUM ('WORKSPACE', 'WORKSPACE_AND_OPERATOR');

-- CreateEnum
CREATE TYPE "ReferralStatus" AS ENUM ('SENT', 'ACKNOWLEDGED', 'COMPLETED', 'REFUSED', 'ESCALATED', 'WITHDRAWN');

-- AlterEnum
ALTER TYPE "RequestStatus" ADD VALUE 'REFERRED';

-- AlterTable
-- Existing rows get a plain lower-case key here; the app refolds it (accents too) on the next save
-- and the seed refolds every row it manages.
ALTER TABLE "customers" ADD COLUMN     "legal_name_key" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
UPDATE "customers" SET "legal_name_key" = lower("legal_name");
ALTER TABLE "customers" ALTER COLUMN "legal_name_key" DROP DEFAULT;

-- AlterTable
ALTER TABLE "requests" ADD COLUMN     "company_email" TEXT,
ADD COLUMN     "data_scope" "DataScope",
ADD COLUMN     "route" "RequestRoute";

-- AlterTable
ALTER TABLE "workspaces" ADD COLUMN     "name_key" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
UPDATE "workspaces" SET "name_key" = lower("name");
ALTER TABLE "workspaces" ALTER COLUMN "name_key" DROP DEFAULT;

-- CreateTable
CREATE TABLE "customer_events" (
    "id" BIGSERIAL NOT NULL,
    "customer_id" UUID NOT NULL,
    "actor_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "data" JSONB,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customer_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "referrals" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "status" "ReferralStatus" NOT NULL DEFAULT 'SENT',
    "sent_at" TIMESTAMP(3) NOT NULL,
    "acknowledged_at" TIMESTAMP(3),
    "export_requested_at" TIMESTAMP(3),
    "closed_at" TIMESTAMP(3),
    "escalated_at" TIMESTAMP(3),
    "reminders_sent" INTEGER NOT NULL DEFAULT 0,
    "next_follow_up_at" TIMESTAMP(3),
    "outcome_note" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "referrals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "referral_tokens" (
    "id" UUID NOT NULL,
    "referral_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "revoked_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "referral_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "customer_events_customer_id_at_idx" ON "customer_events"("customer_id", "at");

-- CreateIndex
CREATE INDEX "referrals_request_id_idx" ON "referrals"("request_id");

-- CreateIndex
CREATE INDEX "referrals_customer_id_idx" ON "referrals"("customer_id");

-- CreateIndex
CREATE INDEX "referrals_workspace_id_idx" ON "referrals"("workspace_id");

-- CreateIndex
CREATE INDEX "referrals_next_follow_up_at_idx" ON "referrals"("next_follow_up_at");

-- CreateIndex
CREATE INDEX "referrals_status_idx" ON "referrals"("status");

-- CreateIndex
CREATE UNIQUE INDEX "referral_tokens_token_hash_key" ON "referral_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "referral_tokens_referral_id_idx" ON "referral_tokens"("referral_id");

-- CreateIndex
CREATE INDEX "customers_legal_name_key_idx" ON "customers"("legal_name_key");

-- CreateIndex
CREATE INDEX "customers_legal_name_id_idx" ON "customers"("legal_name", "id");

-- CreateIndex
CREATE INDEX "workspaces_name_key_idx" ON "workspaces"("name_key");

-- CreateIndex
CREATE INDEX "workspaces_domains_idx" ON "workspaces" USING GIN ("domains");

-- AddForeignKey
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral_tokens" ADD CONSTRAINT "referral_tokens_referral_id_fkey" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Customer audit is append-only, like the request and staff audit trails.
CREATE TRIGGER "customer_events_append_only"
  BEFORE UPDATE OR DELETE ON "customer_events"
  FOR EACH ROW EXECUTE FUNCTION "request_events_append_only"();
