-- AlterTable
ALTER TABLE "organization_settings" ADD COLUMN     "company_number" TEXT;
