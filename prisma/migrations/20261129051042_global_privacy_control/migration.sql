-- AlterTable
ALTER TABLE "requests" ADD COLUMN     "gpc_signal" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "gpc_signal_days" (
    "day" DATE NOT NULL,
    "pages" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "gpc_signal_days_pkey" PRIMARY KEY ("day")
);
