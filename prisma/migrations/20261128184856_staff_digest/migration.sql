-- AlterTable
ALTER TABLE "staff" ADD COLUMN     "digest_enabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "digest_sent_on" DATE;
