-- AlterEnum
ALTER TYPE "NoticeKind" ADD VALUE 'CORRECT_BY_HAND';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "RunKind" ADD VALUE 'CORRECTION';
ALTER TYPE "RunKind" ADD VALUE 'WORKSPACE_ERASURE';

-- AlterTable
ALTER TABLE "data_fields" ADD COLUMN     "correctable" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "fulfillment_runs" ADD COLUMN     "approved_by_customer_id" UUID,
ADD COLUMN     "corrections" BYTEA;
