-- AlterTable
ALTER TABLE "organization_settings" ADD COLUMN     "publish_request_metrics" BOOLEAN NOT NULL DEFAULT false;
