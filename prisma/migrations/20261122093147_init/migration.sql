-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "RequestType" AS ENUM ('ACCESS', 'DELETION', 'PORTABILITY', 'OBJECTION', 'CORRECTION', 'RESTRICTION', 'OPT_OUT_SALE', 'WITHDRAW_CONSENT');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('PENDING_VERIFICATION', 'RECEIVED', 'IN_PROGRESS', 'AWAITING_REQUESTER', 'COMPLETED', 'DENIED', 'CLOSED_UNVERIFIED');

-- CreateEnum
CREATE TYPE "Jurisdiction" AS ENUM ('GDPR', 'UK_GDPR', 'CCPA', 'US_STATE', 'LGPD', 'PDPA_SG', 'QUEBEC', 'OTHER');

-- CreateEnum
CREATE TYPE "Relationship" AS ENUM ('ACCOUNT_HOLDER', 'CUSTOMER_END_USER', 'WEBSITE_VISITOR', 'OTHER');

-- CreateEnum
CREATE TYPE "TokenPurpose" AS ENUM ('STATUS');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('REQUESTER', 'STAFF', 'CUSTOMER', 'SYSTEM');

-- CreateEnum
CREATE TYPE "EventVisibility" AS ENUM ('PUBLIC', 'INTERNAL');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'DEAD');

-- CreateTable
CREATE TABLE "organization_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "legal_name" TEXT NOT NULL,
    "product_name" TEXT NOT NULL,
    "website_url" TEXT NOT NULL,
    "privacy_email" TEXT NOT NULL,
    "support_email" TEXT NOT NULL,
    "dpo_name" TEXT,
    "dpo_email" TEXT,
    "eu_representative" TEXT,
    "uk_representative" TEXT,
    "registered_address" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "organization_settings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "policy_versions" (
    "id" UUID NOT NULL,
    "version" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "sections" JSONB NOT NULL,
    "effective_at" DATE NOT NULL,
    "updated_at" DATE NOT NULL,
    "published_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "policy_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customers" (
    "id" UUID NOT NULL,
    "legal_name" TEXT NOT NULL,
    "privacy_emails" TEXT[],
    "language" TEXT NOT NULL DEFAULT 'en',
    "dpa_reference" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workspaces" (
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "domains" TEXT[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workspaces_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "requests" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "type" "RequestType" NOT NULL,
    "status" "RequestStatus" NOT NULL DEFAULT 'PENDING_VERIFICATION',
    "requester_name" TEXT,
    "requester_email" TEXT,
    "country" CHAR(2) NOT NULL,
    "region" TEXT,
    "jurisdiction" "Jurisdiction" NOT NULL,
    "relationship" "Relationship" NOT NULL,
    "workspace_reference" TEXT,
    "details" JSONB NOT NULL,
    "policy_version_id" UUID,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "verified_at" TIMESTAMP(3),
    "due_at" DATE,
    "extended_due_at" DATE,
    "closed_at" TIMESTAMP(3),
    "erased_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification_challenges" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "code_hash" TEXT NOT NULL,
    "link_token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "locked_at" TIMESTAMP(3),
    "consumed_at" TIMESTAMP(3),
    "superseded_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "verification_challenges_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "request_tokens" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "purpose" "TokenPurpose" NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "request_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "request_events" (
    "id" BIGSERIAL NOT NULL,
    "request_id" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_type" "ActorType" NOT NULL,
    "actor_id" TEXT,
    "action" TEXT NOT NULL,
    "from_status" "RequestStatus",
    "to_status" "RequestStatus",
    "visibility" "EventVisibility" NOT NULL,
    "data" JSONB,

    CONSTRAINT "request_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_outbox" (
    "id" UUID NOT NULL,
    "request_id" UUID,
    "template" TEXT NOT NULL,
    "payload" BYTEA,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMP(3),
    "last_error" TEXT,
    "sent_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limit_buckets" (
    "key" TEXT NOT NULL,
    "window_start" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "rate_limit_buckets_pkey" PRIMARY KEY ("key","window_start")
);

-- CreateIndex
CREATE UNIQUE INDEX "policy_versions_version_key" ON "policy_versions"("version");

-- CreateIndex
CREATE INDEX "policy_versions_published_at_effective_at_idx" ON "policy_versions"("published_at", "effective_at");

-- CreateIndex
CREATE UNIQUE INDEX "workspaces_slug_key" ON "workspaces"("slug");

-- CreateIndex
CREATE INDEX "workspaces_customer_id_idx" ON "workspaces"("customer_id");

-- CreateIndex
CREATE UNIQUE INDEX "requests_reference_key" ON "requests"("reference");

-- CreateIndex
CREATE INDEX "requests_status_due_at_id_idx" ON "requests"("status", "due_at", "id");

-- CreateIndex
CREATE INDEX "requests_status_received_at_idx" ON "requests"("status", "received_at");

-- CreateIndex
CREATE INDEX "requests_requester_email_idx" ON "requests"("requester_email");

-- CreateIndex
CREATE UNIQUE INDEX "verification_challenges_link_token_hash_key" ON "verification_challenges"("link_token_hash");

-- CreateIndex
CREATE INDEX "verification_challenges_request_id_created_at_idx" ON "verification_challenges"("request_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "request_tokens_token_hash_key" ON "request_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "request_tokens_request_id_idx" ON "request_tokens"("request_id");

-- CreateIndex
CREATE INDEX "request_events_request_id_at_idx" ON "request_events"("request_id", "at");

-- CreateIndex
CREATE INDEX "email_outbox_status_next_attempt_at_idx" ON "email_outbox"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "email_outbox_request_id_idx" ON "email_outbox"("request_id");

-- CreateIndex
CREATE INDEX "rate_limit_buckets_window_start_idx" ON "rate_limit_buckets"("window_start");

-- AddForeignKey
ALTER TABLE "workspaces" ADD CONSTRAINT "workspaces_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "requests" ADD CONSTRAINT "requests_policy_version_id_fkey" FOREIGN KEY ("policy_version_id") REFERENCES "policy_versions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verification_challenges" ADD CONSTRAINT "verification_challenges_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_tokens" ADD CONSTRAINT "request_tokens_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The audit trail is append-only: refuse UPDATE and DELETE on request events in the database
-- itself, whatever the application does.
CREATE FUNCTION "request_events_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "request_events_no_update_delete"
  BEFORE UPDATE OR DELETE ON "request_events"
  FOR EACH ROW EXECUTE FUNCTION "request_events_append_only"();
