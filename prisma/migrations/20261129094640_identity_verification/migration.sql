-- CreateEnum
CREATE TYPE "IdentityCheck" AS ENUM ('NOT_NEEDED', 'AWAITING_ANSWERS', 'CHECKING', 'PASSED', 'FAILED', 'FOR_OFFICER');

-- CreateEnum
CREATE TYPE "AnswerKind" AS ENUM ('TEXT', 'MONTH');

-- CreateEnum
CREATE TYPE "AnswerMatching" AS ENUM ('EXACT', 'SAME_MONTH', 'SAME_DIGITS');

-- CreateEnum
CREATE TYPE "AnswerOutcome" AS ENUM ('MATCHED', 'NOT_MATCHED', 'FOR_OFFICER', 'UNAVAILABLE');

-- AlterTable
ALTER TABLE "requests" ADD COLUMN     "identity_check" "IdentityCheck" NOT NULL DEFAULT 'NOT_NEEDED',
ADD COLUMN     "identity_declared_at" TIMESTAMP(3),
ADD COLUMN     "identity_signature" TEXT;

-- CreateTable
CREATE TABLE "verification_questions" (
    "id" UUID NOT NULL,
    "prompt" TEXT NOT NULL,
    "hint" TEXT,
    "answer_kind" "AnswerKind" NOT NULL DEFAULT 'TEXT',
    "request_types" "RequestType"[],
    "field_id" UUID,
    "matching" "AnswerMatching" NOT NULL DEFAULT 'EXACT',
    "position" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "verification_questions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification_answers" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "question_id" UUID NOT NULL,
    "prompt" TEXT NOT NULL,
    "answer" TEXT,
    "outcome" "AnswerOutcome",
    "note" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "checked_at" TIMESTAMP(3),

    CONSTRAINT "verification_answers_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "verification_questions_field_id_idx" ON "verification_questions"("field_id");

-- CreateIndex
CREATE INDEX "verification_answers_request_id_idx" ON "verification_answers"("request_id");

-- CreateIndex
CREATE INDEX "verification_answers_question_id_idx" ON "verification_answers"("question_id");

-- AddForeignKey
ALTER TABLE "verification_questions" ADD CONSTRAINT "verification_questions_field_id_fkey" FOREIGN KEY ("field_id") REFERENCES "data_fields"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verification_answers" ADD CONSTRAINT "verification_answers_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verification_answers" ADD CONSTRAINT "verification_answers_question_id_fkey" FOREIGN KEY ("question_id") REFERENCES "verification_questions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
