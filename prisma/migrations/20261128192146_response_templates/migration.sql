-- CreateEnum
CREATE TYPE "ResponseAction" AS ENUM ('ASK_FOR_INFORMATION', 'EXTEND', 'DENY', 'COMPLETE');

-- CreateTable
CREATE TABLE "response_templates" (
    "id" UUID NOT NULL,
    "action" "ResponseAction" NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "response_templates_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "response_templates_action_title_key" ON "response_templates"("action", "title");
