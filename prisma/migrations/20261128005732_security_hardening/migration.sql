-- AlterTable
ALTER TABLE "data_packages" ADD COLUMN     "purged_at" TIMESTAMP(3),
ALTER COLUMN "ciphertext" DROP NOT NULL;

-- AlterTable
ALTER TABLE "organization_settings" ADD COLUMN     "time_zone" TEXT NOT NULL DEFAULT 'UTC';

-- AlterTable
ALTER TABLE "requests" ADD COLUMN     "code_failures" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "code_locked_at" TIMESTAMP(3),
ADD COLUMN     "receipt_due_at" DATE,
ADD COLUMN     "receipt_sent_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "staff_accounts" ADD COLUMN     "linked_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "linked_by_id" UUID,
ADD COLUMN     "tenant_id" TEXT;

-- AlterTable
ALTER TABLE "staff_sessions" ADD COLUMN     "last_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "data_packages_expires_at_idx" ON "data_packages"("expires_at");

-- CreateIndex
CREATE INDEX "staff_sign_in_tokens_expires_at_idx" ON "staff_sign_in_tokens"("expires_at");

-- OAuth identities linked before now were linked by a matching provider-reported email, which a
-- provider may not have verified: drop them, so each is bound again by its subject after a
-- magic-link sign-in (lib/auth/oauth-binding.ts).
DELETE FROM "staff_accounts";

-- The audit tables refused UPDATE and DELETE row by row; TRUNCATE skips row triggers, so refuse it
-- with a statement trigger too. (The app's database role cannot disable triggers either: it owns
-- no table; see lib/db/roles.ts.)
CREATE FUNCTION "audit_tables_no_truncate"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: TRUNCATE refused', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "request_events_no_truncate" BEFORE TRUNCATE ON "request_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_tables_no_truncate"();
CREATE TRIGGER "staff_events_no_truncate" BEFORE TRUNCATE ON "staff_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_tables_no_truncate"();
CREATE TRIGGER "customer_events_no_truncate" BEFORE TRUNCATE ON "customer_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_tables_no_truncate"();
