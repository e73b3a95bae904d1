-- CreateTable
CREATE TABLE "legal_holds" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "identity_hash" TEXT,
    "reason" TEXT NOT NULL,
    "placed_by_id" UUID NOT NULL,
    "placed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lifted_by_id" UUID,
    "lifted_at" TIMESTAMP(3),

    CONSTRAINT "legal_holds_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "legal_holds_request_id_idx" ON "legal_holds"("request_id");

-- CreateIndex
CREATE INDEX "legal_holds_identity_hash_idx" ON "legal_holds"("identity_hash");
