-- AlterTable
ALTER TABLE "webhook_endpoints" ADD COLUMN     "previous_secret_sealed" BYTEA,
ADD COLUMN     "previous_secret_until" TIMESTAMP(3);
