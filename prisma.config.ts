import { defineConfig } from "prisma/config";

// The CLI reads this file; the app builds its own client in lib/db.ts. The CLI migrates, so it
// logs in as the tables' owner.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    url: process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5433/postgres",
  },
});
