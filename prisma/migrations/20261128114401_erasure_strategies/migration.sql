-- CreateEnum
CREATE TYPE "ErasureStrategy" AS ENUM ('DELETE_ROW', 'SET_NULL', 'FIXED_VALUE', 'PSEUDONYMIZE', 'KEEP');

-- AlterTable
ALTER TABLE "data_fields" ADD COLUMN     "erasure_strategy" "ErasureStrategy",
ADD COLUMN     "erasure_value" TEXT,
ADD COLUMN     "retention_reason" TEXT;
