-- AlterTable
ALTER TABLE "referrals" ADD COLUMN     "export_delivered_at" TIMESTAMP(3);
