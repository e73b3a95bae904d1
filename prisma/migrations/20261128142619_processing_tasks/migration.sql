-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NoticeKind" ADD VALUE 'STOP_PROCESSING';
ALTER TYPE "NoticeKind" ADD VALUE 'RESTRICT_PROCESSING';

-- DropIndex
DROP INDEX "recipient_notices_request_id_customer_id_key";

-- DropIndex
DROP INDEX "recipient_notices_request_id_system_id_key";

-- AlterTable
ALTER TABLE "data_systems" ADD COLUMN     "data_uses" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "recipient_notices" ADD COLUMN     "data_uses" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE UNIQUE INDEX "recipient_notices_request_id_system_id_kind_key" ON "recipient_notices"("request_id", "system_id", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "recipient_notices_request_id_customer_id_kind_key" ON "recipient_notices"("request_id", "customer_id", "kind");
