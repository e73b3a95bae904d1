-- CreateTable
CREATE TABLE "spent_proofs_of_work" (
    "challenge_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "spent_proofs_of_work_pkey" PRIMARY KEY ("challenge_hash")
);

-- CreateIndex
CREATE INDEX "spent_proofs_of_work_expires_at_idx" ON "spent_proofs_of_work"("expires_at");
