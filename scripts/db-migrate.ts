import { getEnv } from "@/lib/env";
import { migrate, MigrationError } from "@/lib/db/migrate";

try {
  const applied = await migrate(getEnv().DATABASE_URL, undefined, (line) => console.log(line));
  console.log(applied.length ? `${applied.length} migration(s) applied` : "database is up to date");
} catch (error) {
  console.error(error instanceof MigrationError ? error.message : error);
  process.exit(1);
}
