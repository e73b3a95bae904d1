-- CreateTable
CREATE TABLE "chart_months" (
    "time_zone" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "figures" JSONB NOT NULL,
    "computed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "chart_months_pkey" PRIMARY KEY ("time_zone","month")
);
