-- AlterTable
ALTER TABLE "customers" ADD COLUMN     "notify_recipient_changes" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "data_systems" ADD COLUMN     "country" TEXT;
