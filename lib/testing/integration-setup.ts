import { afterAll, beforeAll, inject } from "vitest";
import { truncateAll } from "@/lib/testing/test-database";

// Every integration file starts from empty tables and talks to the suite's database through the
// same lib/db.ts client the app uses, as the app's role, so a missing grant fails here first.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.APP_SECRET ??= "integration-test-secret-0123456789abcdef";
process.env.WORKER_ENABLED = "false";
// Tests send many requests from one address; lib/pow/challenge.integration.test.ts passes its own threshold.
process.env.POW_AFTER_SUBMISSIONS_PER_IP_PER_HOUR ??= "100000";

beforeAll(async () => {
  await truncateAll(inject("ownerDatabaseUrl"));
});

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
});
