-- AlterTable
ALTER TABLE "data_packages" ADD COLUMN     "referral_id" UUID;

-- CreateIndex
CREATE INDEX "data_packages_referral_id_idx" ON "data_packages"("referral_id");

-- AddForeignKey
ALTER TABLE "data_packages" ADD CONSTRAINT "data_packages_referral_id_fkey" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
