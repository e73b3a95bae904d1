-- AlterTable
ALTER TABLE "requests" ADD COLUMN     "verification_reminders" SMALLINT NOT NULL DEFAULT 0;
