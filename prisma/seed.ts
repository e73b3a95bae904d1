import { pathToFileURL } from "node:url";
import { assertTimeZone } from "@/lib/dates/time-zone";
import { getEnv } from "@/lib/env";
import { createPrismaClient, type Db } from "@/lib/prisma-client";
import { seedDemoDataMap } from "@/lib/demo/data-map";
import { foldName } from "@/lib/referrals/match-key";
import { storedOfferedTypes } from "@/lib/requests/offered-types";
import { BLANK_OPERATOR, DEFAULT_OPERATOR, OperatorMismatchError, operatorNamed, operatorOfVersions, refuseOtherOperator, UnknownOperatorError } from "./seed-data/operators/all";
import type { OperatorSeed } from "./seed-data/operators/types";

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
 * (UTC on a new database). `operator`: the demo operator the portal is set up as
 * (prisma/seed-data/operators/); a database set up as another is refused. Not given: the one the
 * database is already set up as, else Jexi, so a later start needs no name. Returns the operator.
 */
export async function seed(
  db: Db,
  {
    adminEmail = DEFAULT_ADMIN_EMAIL,
    timeZone,
    demoProduct,
    operator,
  }: {
    adminEmail?: string;
    timeZone?: string;
    /** The demo product database (lib/demo/): its data map is written when missing. */
    demoProduct?: { host: string; port: number; database: string; appSecret: string };
    operator?: string;
  } = {},
): Promise<OperatorSeed> {
  const named = operator === undefined ? null : operatorNamed(operator);
  const zone = timeZone === undefined ? undefined : assertTimeZone(timeZone);
  const chosen = await db.$transaction(
    async (tx) => {
      // A constant, not input: interpolating it keeps the parameter from being typed as int4.
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SEED_LOCK_ID})`);
      const stored = await tx.policyVersion.findMany({ select: { version: true, summary: true }, orderBy: { effectiveAt: "asc" } });
      const current = await seededOperator(tx);
      const chosen = named ?? current ?? operatorNamed(DEFAULT_OPERATOR);
      // The operator's own portal is never turned into a demo: its settings and policy are the admin's.
      if (current?.key === BLANK_OPERATOR && chosen.key !== BLANK_OPERATOR) {
        throw new OperatorMismatchError(
          `This database is already set up as ${current.name}, so it cannot be set up as ${chosen.name}. To try a demo, start with an empty database: remove .data/ or point DATABASE_URL at a new database.`,
        );
      }
      refuseOtherOperator(chosen, stored);
      const { organization, policyVersions, customers, offeredRequestTypes } = chosen;

      await tx.organizationSettings.upsert({
        where: { id: 1 },
        create: { id: 1, ...organization, timeZone: zone ?? organization.timeZone, offeredRequestTypes: storedOfferedTypes(offeredRequestTypes) },
        update: zone ? { timeZone: zone } : {},
      });
      await tx.staff.upsert({ where: { email: adminEmail.trim().toLowerCase() }, create: { email: adminEmail.trim().toLowerCase(), role: "ADMIN" }, update: {} });

      for (const { effectiveAt, updatedAt, translations = [], ...policy } of policyVersions) {
        const { id } = await tx.policyVersion.upsert({
          where: { version: policy.version },
          create: {
            ...policy,
            effectiveAt: calendarDate(effectiveAt),
            updatedAt: calendarDate(updatedAt),
            publishedAt: calendarDate(effectiveAt),
          },
          update: {},
          select: { id: true },
        });
        // Published translations are frozen (a trigger refuses an update): added when missing, never touched after.
        await tx.policyTranslation.createMany({
          data: translations.map((t) => ({ ...t, policyVersionId: id, publishedAt: calendarDate(effectiveAt) })),
          skipDuplicates: true,
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
      return chosen;
    },
    { timeout: 30_000 },
  );
  if (demoProduct) {
    const { appSecret, ...product } = demoProduct;
    const admin = await db.staff.findUniqueOrThrow({ where: { email: adminEmail.trim().toLowerCase() }, select: { id: true } });
    await seedDemoDataMap(db, { product, appSecret, actorId: admin.id });
  }
  return chosen;
}

/**
 * The operator a database is set up as: the demo operator whose seeded policy it holds; settings
 * without one are the operator's own (a blank start, filled in since); null for an empty database.
 */
export async function seededOperator(db: Pick<Db, "policyVersion" | "organizationSettings">): Promise<OperatorSeed | null> {
  const [stored, settings] = await Promise.all([db.policyVersion.findMany({ select: { version: true, summary: true } }), db.organizationSettings.count()]);
  return operatorOfVersions(stored) ?? (settings > 0 ? operatorNamed(BLANK_OPERATOR) : null);
}

/** `--operator NAME` or `--operator=NAME` (`npm run db:seed -- --operator connexcs`). */
export function operatorArgument(argv: readonly string[]): string | undefined {
  const at = argv.findIndex((a) => a === "--operator" || a.startsWith("--operator="));
  if (at < 0) return undefined;
  const value = argv[at]!.includes("=") ? argv[at]!.slice("--operator=".length) : argv[at + 1];
  if (!value || value.startsWith("--")) throw new UnknownOperatorError("Name the operator after --operator, for example --operator connexcs.");
  return value;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

if (invokedDirectly) {
  const db = createPrismaClient(getEnv().MIGRATION_DATABASE_URL ?? getEnv().DATABASE_URL);
  try {
    const operator = operatorArgument(process.argv.slice(2)) ?? (process.env.DEMO_OPERATOR || undefined);
    const chosen = await seed(db, { adminEmail: getEnv().ADMIN_EMAIL, timeZone: getEnv().OPERATOR_TIME_ZONE, operator });
    console.log(`Seed complete (${chosen.name}): organization settings, the first admin, policy versions and demo customers are in place.`);
  } catch (error) {
    // A wrong name or another operator's database: the message says what to do, no stack needed.
    if (error instanceof UnknownOperatorError || error instanceof OperatorMismatchError) console.error(error.message);
    else console.error(error);
    process.exitCode = 1;
  } finally {
    await db.$disconnect();
  }
}
