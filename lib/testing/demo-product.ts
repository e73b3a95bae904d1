import { db } from "@/lib/db";
import { FINANCE_SYSTEM_KEY, seedDemoDataMap } from "@/lib/demo/data-map";
import { createProductDatabase, type ProductDatabase } from "@/lib/demo/product-database";

/**
 * Jexi's demo product database on the test server, with the demo data map pointing at it (as
 * `npm start` has it), for suites that run requests against real data. The finance spreadsheet
 * (a manual system) is left out: its owner's answer is another suite's story, and so are the demo's
 * verification questions (lib/verification/identity), which would hold every export request back.
 */
export async function demoProductForTests(prefix: string, actorId: string): Promise<ProductDatabase> {
  const product = await createProductDatabase(prefix, process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres", 0);
  const { host, port, database } = product;
  await seedDemoDataMap(db, { product: { host, port, database }, appSecret: process.env.APP_SECRET!, actorId, questions: false });
  await db.dataSystem.delete({ where: { key: FINANCE_SYSTEM_KEY } });
  return product;
}
