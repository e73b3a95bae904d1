-- AlterTable
ALTER TABLE "fulfillment_runs" ADD COLUMN     "erasure_locked_by" TEXT,
ADD COLUMN     "erasure_locked_until" TIMESTAMP(3);
