// `npm run db:migrate`: applies the migrations as the tables' owner (MIGRATION_DATABASE_URL, else
// DATABASE_URL), then gives the app's role (DATABASE_URL's user) its rights to rows, and only those.
import { getEnv } from "@/lib/env";
import { migrate, MigrationError } from "@/lib/db/migrate";
import { APP_ROLE, grantAppRole, RoleSetupError, urlAsUser, urlUser } from "@/lib/db/roles";

const env = getEnv();
const ownerUrl = env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL;
// Nothing set: the embedded database `npm start` serves, whose app role it names itself.
const appUrl = env.MIGRATION_DATABASE_URL ? env.DATABASE_URL : process.env.DATABASE_URL ? undefined : urlAsUser(ownerUrl, APP_ROLE);

try {
  const applied = await migrate(ownerUrl, undefined, (line) => console.log(line));
  console.log(applied.length ? `${applied.length} migration(s) applied` : "database is up to date");
  if (appUrl) {
    await grantAppRole(ownerUrl, appUrl);
    console.log(`the app's role ${urlUser(appUrl)} may read and write rows, and nothing more`);
  } else {
    console.warn(
      `WARNING: MIGRATION_DATABASE_URL is not set, so the migrations ran as ${urlUser(ownerUrl)}, the user the app logs in as: ` +
        `the app owns the tables and could disable the audit trail's triggers. Set MIGRATION_DATABASE_URL to the owner and ` +
        `DATABASE_URL to a login role of the app's own; this command then creates that role if missing and grants it its rights.`,
    );
  }
} catch (error) {
  console.error(error instanceof MigrationError || error instanceof RoleSetupError ? error.message : error);
  process.exit(1);
}
