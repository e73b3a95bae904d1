import type { TestProject } from "vitest/node";
import { createTestDatabase } from "@/lib/testing/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    /** The app's role: what lib/db.ts and the tests' own queries use. */
    databaseUrl: string;
    /** The tables' owner: for emptying them between files, and tests of what only it may do. */
    ownerDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await createTestDatabase("dsar_test_integration");
  project.provide("databaseUrl", database.url);
  project.provide("ownerDatabaseUrl", database.ownerUrl);
  return () => database.stop();
}
