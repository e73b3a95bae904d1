-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('ADMIN', 'OFFICER', 'AUDITOR');

-- CreateEnum
CREATE TYPE "MessageAuthor" AS ENUM ('STAFF', 'REQUESTER');

-- AlterEnum
ALTER TYPE "RequestType" ADD VALUE 'APPEAL';

-- AlterEnum
ALTER TYPE "TokenPurpose" ADD VALUE 'DOWNLOAD';

-- DropIndex
DROP INDEX "requests_status_received_at_idx";

-- AlterTable
ALTER TABLE "requests" ADD COLUMN     "appeal_of_id" UUID,
ADD COLUMN     "assignee_id" UUID;

-- CreateTable
CREATE TABLE "staff" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "role" "StaffRole" NOT NULL,
    "email_verified" TIMESTAMP(3),
    "deactivated_at" TIMESTAMP(3),
    "invited_by_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "staff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_sessions" (
    "id" UUID NOT NULL,
    "session_token_hash" TEXT NOT NULL,
    "staff_id" UUID NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "staff_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_accounts" (
    "id" UUID NOT NULL,
    "staff_id" UUID NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_account_id" TEXT NOT NULL,

    CONSTRAINT "staff_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_sign_in_tokens" (
    "identifier" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "staff_sign_in_tokens_pkey" PRIMARY KEY ("identifier","token_hash")
);

-- CreateTable
CREATE TABLE "request_messages" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "author" "MessageAuthor" NOT NULL,
    "staff_id" UUID,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "request_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "data_packages" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "filename" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "ciphertext" BYTEA NOT NULL,
    "uploaded_by_id" UUID NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "data_packages_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "staff_email_key" ON "staff"("email");

-- CreateIndex
CREATE UNIQUE INDEX "staff_sessions_session_token_hash_key" ON "staff_sessions"("session_token_hash");

-- CreateIndex
CREATE INDEX "staff_sessions_staff_id_idx" ON "staff_sessions"("staff_id");

-- CreateIndex
CREATE INDEX "staff_accounts_staff_id_idx" ON "staff_accounts"("staff_id");

-- CreateIndex
CREATE UNIQUE INDEX "staff_accounts_provider_provider_account_id_key" ON "staff_accounts"("provider", "provider_account_id");

-- CreateIndex
CREATE UNIQUE INDEX "staff_sign_in_tokens_token_hash_key" ON "staff_sign_in_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "request_messages_request_id_created_at_idx" ON "request_messages"("request_id", "created_at");

-- CreateIndex
CREATE INDEX "data_packages_request_id_idx" ON "data_packages"("request_id");

-- CreateIndex
CREATE INDEX "requests_due_at_id_idx" ON "requests"("due_at", "id");

-- CreateIndex
CREATE INDEX "requests_received_at_id_idx" ON "requests"("received_at", "id");

-- CreateIndex
CREATE INDEX "requests_status_received_at_id_idx" ON "requests"("status", "received_at", "id");

-- CreateIndex
CREATE INDEX "requests_assignee_id_status_due_at_id_idx" ON "requests"("assignee_id", "status", "due_at", "id");

-- CreateIndex
CREATE INDEX "requests_appeal_of_id_idx" ON "requests"("appeal_of_id");

-- AddForeignKey
ALTER TABLE "requests" ADD CONSTRAINT "requests_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "requests" ADD CONSTRAINT "requests_appeal_of_id_fkey" FOREIGN KEY ("appeal_of_id") REFERENCES "requests"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_sessions" ADD CONSTRAINT "staff_sessions_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_accounts" ADD CONSTRAINT "staff_accounts_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_messages" ADD CONSTRAINT "request_messages_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "data_packages" ADD CONSTRAINT "data_packages_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
