-- AlterTable
ALTER TABLE "fulfillment_tasks" ADD COLUMN     "erasure_proof" JSONB;
