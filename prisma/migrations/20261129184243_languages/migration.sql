-- AlterTable
ALTER TABLE "policy_drafts" ADD COLUMN     "language" VARCHAR(8) NOT NULL DEFAULT 'en',
ADD COLUMN     "translation_of_id" UUID;

-- AlterTable
ALTER TABLE "policy_versions" ADD COLUMN     "language" VARCHAR(8) NOT NULL DEFAULT 'en';

-- AlterTable
ALTER TABLE "requests" ADD COLUMN     "language" VARCHAR(8) NOT NULL DEFAULT 'en';

-- CreateTable
CREATE TABLE "policy_translations" (
    "id" UUID NOT NULL,
    "policy_version_id" UUID NOT NULL,
    "language" VARCHAR(8) NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "sections" JSONB NOT NULL,
    "change_summary" TEXT,
    "published_by_id" UUID,
    "published_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "policy_translations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "policy_translations_policy_version_id_language_key" ON "policy_translations"("policy_version_id", "language");

-- AddForeignKey
ALTER TABLE "policy_translations" ADD CONSTRAINT "policy_translations_policy_version_id_fkey" FOREIGN KEY ("policy_version_id") REFERENCES "policy_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A published translation is read at the version's address like the version itself: never edited
-- or deleted (a new version, translated again, replaces it).
CREATE FUNCTION "policy_translations_frozen"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'policy translation % is published: % refused', OLD.id, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "policy_translations_frozen"
  BEFORE UPDATE OR DELETE ON "policy_translations"
  FOR EACH ROW EXECUTE FUNCTION "policy_translations_frozen"();
