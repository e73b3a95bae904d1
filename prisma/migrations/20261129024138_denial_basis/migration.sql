-- CreateEnum
CREATE TYPE "DenialBasis" AS ENUM ('UNVERIFIABLE', 'EXEMPTION', 'UNFOUNDED_OR_EXCESSIVE', 'NOT_COVERED', 'OTHER');

-- AlterTable
ALTER TABLE "requests" ADD COLUMN     "denial_basis" "DenialBasis";
