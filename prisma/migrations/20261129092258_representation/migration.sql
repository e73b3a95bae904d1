-- CreateEnum
CREATE TYPE "TokenHolder" AS ENUM ('REQUESTER', 'SUBJECT');

-- CreateEnum
CREATE TYPE "SubmittedBy" AS ENUM ('SELF', 'AGENT', 'PARENT');

-- CreateEnum
CREATE TYPE "GuardianRelationship" AS ENUM ('PARENT', 'LEGAL_GUARDIAN');

-- CreateEnum
CREATE TYPE "RepresentationDocumentKind" AS ENUM ('SIGNED_PERMISSION', 'PARENTAL_RESPONSIBILITY', 'OTHER');

-- AlterEnum
ALTER TYPE "TokenPurpose" ADD VALUE 'SUBJECT_CONFIRM';

-- AlterTable
ALTER TABLE "request_messages" ADD COLUMN     "party" "TokenHolder" NOT NULL DEFAULT 'REQUESTER';

-- AlterTable
ALTER TABLE "request_tokens" ADD COLUMN     "holder" "TokenHolder" NOT NULL DEFAULT 'REQUESTER';

-- AlterTable
ALTER TABLE "requests" ADD COLUMN     "submitted_by" "SubmittedBy" NOT NULL DEFAULT 'SELF';

-- CreateTable
CREATE TABLE "request_representatives" (
    "request_id" UUID NOT NULL,
    "name" TEXT,
    "email" TEXT,
    "organisation" TEXT,
    "guardian_relationship" "GuardianRelationship",
    "child_birth_date" DATE,
    "email_confirmed_at" TIMESTAMP(3),
    "subject_asked_at" TIMESTAMP(3),
    "subject_confirmed_at" TIMESTAMP(3),

    CONSTRAINT "request_representatives_pkey" PRIMARY KEY ("request_id")
);

-- CreateTable
CREATE TABLE "representation_documents" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "kind" "RepresentationDocumentKind" NOT NULL,
    "filename" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "ciphertext" BYTEA,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "representation_documents_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "request_representatives_email_idx" ON "request_representatives"("email");

-- CreateIndex
CREATE INDEX "representation_documents_request_id_created_at_idx" ON "representation_documents"("request_id", "created_at");

-- AddForeignKey
ALTER TABLE "request_representatives" ADD CONSTRAINT "request_representatives_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "representation_documents" ADD CONSTRAINT "representation_documents_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
