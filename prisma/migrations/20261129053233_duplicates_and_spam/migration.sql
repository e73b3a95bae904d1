-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "RequestStatus" ADD VALUE 'MERGED';
ALTER TYPE "RequestStatus" ADD VALUE 'CLOSED_SPAM';

-- AlterTable
ALTER TABLE "requests" ADD COLUMN     "duplicate_of_id" UUID;

-- CreateTable
CREATE TABLE "blocked_senders" (
    "email_hash" TEXT NOT NULL,
    "blocked_until" TIMESTAMP(3) NOT NULL,
    "blocked_at" TIMESTAMP(3) NOT NULL,
    "request_id" UUID NOT NULL,
    "staff_id" UUID NOT NULL,

    CONSTRAINT "blocked_senders_pkey" PRIMARY KEY ("email_hash")
);

-- CreateIndex
CREATE INDEX "requests_duplicate_of_id_idx" ON "requests"("duplicate_of_id");

-- AddForeignKey
ALTER TABLE "requests" ADD CONSTRAINT "requests_duplicate_of_id_fkey" FOREIGN KEY ("duplicate_of_id") REFERENCES "requests"("id") ON DELETE SET NULL ON UPDATE CASCADE;
