-- AlterEnum
ALTER TYPE "RunKind" ADD VALUE 'ERASURE';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "RunStatus" ADD VALUE 'AWAITING_APPROVAL';
ALTER TYPE "RunStatus" ADD VALUE 'ERASING';
ALTER TYPE "RunStatus" ADD VALUE 'ERASED';

-- AlterTable
ALTER TABLE "fulfillment_runs" ADD COLUMN     "approved_at" TIMESTAMP(3),
ADD COLUMN     "approved_by_id" UUID,
ADD COLUMN     "erased_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "fulfillment_tasks" ADD COLUMN     "erased_at" TIMESTAMP(3),
ADD COLUMN     "erased_chunks" JSONB,
ADD COLUMN     "rows_erased" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "organization_settings" ADD COLUMN     "erasure_second_approver" BOOLEAN NOT NULL DEFAULT false;
