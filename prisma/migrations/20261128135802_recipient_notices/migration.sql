-- CreateEnum
CREATE TYPE "NoticeKind" AS ENUM ('ERASURE', 'CORRECTION', 'RESTRICTION');

-- CreateEnum
CREATE TYPE "NoticeChannel" AS ENUM ('CONNECTOR', 'EMAIL');

-- AlterTable
ALTER TABLE "data_systems" ADD COLUMN     "notice_email" TEXT;

-- CreateTable
CREATE TABLE "recipient_notices" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "kind" "NoticeKind" NOT NULL,
    "system_id" UUID,
    "customer_id" UUID,
    "recipient_name" TEXT NOT NULL,
    "channel" "NoticeChannel" NOT NULL,
    "sent_to" TEXT[],
    "sent_at" TIMESTAMP(3) NOT NULL,
    "confirmed_at" TIMESTAMP(3),
    "held_nothing" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "reminders_sent" INTEGER NOT NULL DEFAULT 0,
    "next_follow_up_at" TIMESTAMP(3),
    "escalated_at" TIMESTAMP(3),

    CONSTRAINT "recipient_notices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notice_tokens" (
    "id" UUID NOT NULL,
    "notice_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "revoked_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notice_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "recipient_notices_next_follow_up_at_idx" ON "recipient_notices"("next_follow_up_at");

-- CreateIndex
CREATE UNIQUE INDEX "recipient_notices_request_id_system_id_key" ON "recipient_notices"("request_id", "system_id");

-- CreateIndex
CREATE UNIQUE INDEX "recipient_notices_request_id_customer_id_key" ON "recipient_notices"("request_id", "customer_id");

-- CreateIndex
CREATE UNIQUE INDEX "notice_tokens_token_hash_key" ON "notice_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "notice_tokens_notice_id_idx" ON "notice_tokens"("notice_id");

-- AddForeignKey
ALTER TABLE "recipient_notices" ADD CONSTRAINT "recipient_notices_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notice_tokens" ADD CONSTRAINT "notice_tokens_notice_id_fkey" FOREIGN KEY ("notice_id") REFERENCES "recipient_notices"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "recipient_notices" ADD CONSTRAINT "recipient_notices_one_recipient" CHECK (("system_id" IS NULL) <> ("customer_id" IS NULL));
