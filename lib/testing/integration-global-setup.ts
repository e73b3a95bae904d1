import type { TestProject } from "vitest/node";
import { createTestDatabase } from "@/lib/testing/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await createTestDatabase("dsar_test_integration");
  project.provide("databaseUrl", database.url);
  return () => database.stop();
}
