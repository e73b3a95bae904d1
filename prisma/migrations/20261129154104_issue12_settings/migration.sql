-- AlterTable
ALTER TABLE "organization_settings" ADD COLUMN     "accent_color" TEXT,
ADD COLUMN     "duplicate_window_days" INTEGER,
ADD COLUMN     "offered_request_types" "RequestType"[] DEFAULT ARRAY['ACCESS', 'DELETION', 'PORTABILITY', 'OBJECTION', 'CORRECTION', 'RESTRICTION', 'OPT_OUT_SALE', 'WITHDRAW_CONSENT', 'APPEAL']::"RequestType"[],
ADD COLUMN     "package_link_days" INTEGER,
ADD COLUMN     "referral_max_reminders" INTEGER,
ADD COLUMN     "referral_reminder_days" INTEGER,
ADD COLUMN     "status_link_days_after_close" INTEGER,
ADD COLUMN     "unverified_expiry_days" INTEGER,
ADD COLUMN     "verification_first_reminder_hours" INTEGER,
ADD COLUMN     "verification_last_reminder_hours" INTEGER;

-- AlterTable
ALTER TABLE "policy_versions" ADD COLUMN     "change_summary" TEXT,
ADD COLUMN     "published_by_id" UUID;

-- CreateTable
CREATE TABLE "brand_logo" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "content_type" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "brand_logo_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "policy_drafts" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "markdown" TEXT NOT NULL,
    "change_summary" TEXT,
    "placeholders" JSONB NOT NULL DEFAULT '{}',
    "effective_at" DATE,
    "created_by_id" UUID NOT NULL,
    "updated_by_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "policy_drafts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "policy_drafts_updated_at_idx" ON "policy_drafts"("updated_at");

-- A published policy version is what people read at its address and what requests point at: it is
-- never edited or deleted. A version not yet published (no published_at) may still change.
CREATE FUNCTION "policy_versions_published_frozen"() RETURNS trigger AS $$
BEGIN
  IF OLD.published_at IS NOT NULL THEN
    RAISE EXCEPTION 'policy version % is published: % refused', OLD.version, TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "policy_versions_published_frozen"
  BEFORE UPDATE OR DELETE ON "policy_versions"
  FOR EACH ROW EXECUTE FUNCTION "policy_versions_published_frozen"();
