import { pathToFileURL } from "node:url";
import { assertTimeZone } from "@/lib/dates/time-zone";
import { getEnv } from "@/lib/env";
import { createPrismaClient, type Db } from "@/lib/prisma-client";
import { seedDemoDataMap } from "@/lib/demo/data-map";
import { customers } from "./seed-data/customers";
import { foldName } from "@/lib/referrals/match-key";
import { organization } from "./seed-data/organization";
import { policyVersions } from "./seed-data/policy-versions";

// Runs on every start, so it only ever creates what is missing: admins edit the organization's
// details after the first run, and a published policy version must never change under its URL.

// Any constant: two instances starting together must not both create the same customer.
const SEED_LOCK_ID = 7_267_000_002;

function calendarDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00.000Z`);
}

export const DEFAULT_ADMIN_EMAIL = "admin@example.com";

/**
 * `adminEmail`: the first admin, who can then invite everyone else (ADMIN_EMAIL). `timeZone`: the
 * operator's time zone (OPERATOR_TIME_ZONE); when given it is written on every run (and Settings →
 * Organisation refuses to change it), and when not the stored one stays: the admin chooses it there
 * (UTC on a new database).
 */
export async function seed(
  db: Db,
  {
    adminEmail = DEFAULT_ADMIN_EMAIL,
    timeZone,
    demoProduct,
  }: {
    adminEmail?: string;
    timeZone?: string;
    /** The demo product database (lib/demo/): its data map is written when missing. */
    demoProduct?: { host: string; port: number; database: string; appSecret: string };
  } = {},
): Promise<void> {
  const zone = timeZone === undefined ? undefined : assertTimeZone(timeZone);
  await db.$transaction(
    async (tx) => {
      // A constant, not input: interpolating it keeps the parameter from being typed as int4.
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SEED_LOCK_ID})`);

      await tx.organizationSettings.upsert({
        where: { id: 1 },
        create: { id: 1, ...organization, timeZone: zone ?? organization.timeZone },
        update: zone ? { timeZone: zone } : {},
      });
      await tx.staff.upsert({ where: { email: adminEmail.trim().toLowerCase() }, create: { email: adminEmail.trim().toLowerCase(), role: "ADMIN" }, update: {} });

      for (const { effectiveAt, updatedAt, ...policy } of policyVersions) {
        await tx.policyVersion.upsert({
          where: { version: policy.version },
          create: {
            ...policy,
            effectiveAt: calendarDate(effectiveAt),
            updatedAt: calendarDate(updatedAt),
            publishedAt: calendarDate(effectiveAt),
          },
          update: {},
        });
      }

      for (const { workspaces, ...customer } of customers) {
        // Customers have no unique natural key in the schema; the lock makes find-then-create safe.
        const existing = await tx.customer.findFirst({ where: { legalName: customer.legalName }, select: { id: true } });
        const legalNameKey = foldName(customer.legalName);
        const { id: customerId } = existing
          ? await tx.customer.update({ where: { id: existing.id }, data: { legalNameKey }, select: { id: true } })
          : await tx.customer.create({ data: { ...customer, legalNameKey }, select: { id: true } });
        for (const workspace of workspaces) {
          const nameKey = foldName(workspace.name);
          await tx.workspace.upsert({
            where: { slug: workspace.slug },
            create: { ...workspace, nameKey, customerId },
            update: { nameKey },
          });
        }
      }
    },
    { timeout: 30_000 },
  );
  if (demoProduct) {
    const { appSecret, ...product } = demoProduct;
    const admin = await db.staff.findUniqueOrThrow({ where: { email: adminEmail.trim().toLowerCase() }, select: { id: true } });
    await seedDemoDataMap(db, { product, appSecret, actorId: admin.id });
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

if (invokedDirectly) {
  const db = createPrismaClient(getEnv().MIGRATION_DATABASE_URL ?? getEnv().DATABASE_URL);
  try {
    await seed(db, { adminEmail: getEnv().ADMIN_EMAIL, timeZone: getEnv().OPERATOR_TIME_ZONE });
    console.log("Seed complete: organization settings, the first admin, policy versions and demo customers are in place.");
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    await db.$disconnect();
  }
}
