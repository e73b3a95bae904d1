// `npm start`: everything a newcomer needs in one command. Without DATABASE_URL it serves an
// embedded PostgreSQL (PGlite, data under .data/); without SMTP_URL it runs a local mail catcher
// whose inbox shows every email the portal sends. Then it migrates and seeds as the tables' owner,
// gives the app a role that may only read and write rows (lib/db/roles.ts), builds when the
// sources changed, and serves the portal as that role. `--dev` runs `next dev` instead of a
// production build.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded";
import { startEmbeddedProductDatabase, type ProductDatabase } from "@/lib/demo/product-database";
import { DEMO_REQUESTER_EMAIL } from "@/lib/demo/product-data";
import { migrate } from "@/lib/db/migrate";
import { APP_ROLE, grantAppRole, RoleSetupError, urlAsUser, urlUser } from "@/lib/db/roles";
import { createPrismaClient } from "@/lib/prisma-client";
import { purposeKey } from "@/lib/security/keys";
import { operatorArgument, seed, seededOperator } from "@/prisma/seed";
import { DEFAULT_OPERATOR, OperatorMismatchError, operatorNamed, UnknownOperatorError } from "@/prisma/seed-data/operators/all";
import { jexi } from "@/prisma/seed-data/operators/jexi";
import type { OperatorSeed } from "@/prisma/seed-data/operators/types";
import { buildIfNeeded } from "@/scripts/build-if-needed";
import { startMailCatcher } from "@/scripts/mail-catcher";
import { startNextServer } from "@/scripts/next-server";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.join(root, ".data");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);

function say(line: string) {
  console.log(`[start] ${line}`);
}

function appSecret(): string {
  if (process.env.APP_SECRET) return process.env.APP_SECRET;
  const file = path.join(dataDir, "app-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

// Next reads .env by itself; this script must see the same settings to know what to start.
for (const file of [".env.local", ".env"]) {
  if (fs.existsSync(path.join(root, file))) process.loadEnvFile(path.join(root, file));
}
for (const [key, value] of Object.entries(process.env)) if (value === "") delete process.env[key];

// The demo operator to set the portal up as (prisma/seed-data/operators/): `npm start -- --operator
// connexcs` or DEMO_OPERATOR=connexcs. Not named: the one the database is already set up as, else
// Jexi (decided once the database is up). A wrong name stops here, before anything starts.
let named: OperatorSeed | undefined;
try {
  const name = operatorArgument(process.argv.slice(2)) ?? process.env.DEMO_OPERATOR;
  named = name === undefined ? undefined : operatorNamed(name);
} catch (error) {
  if (!(error instanceof UnknownOperatorError)) throw error;
  say(error.message);
  process.exit(1);
}

const cleanups: (() => Promise<void>)[] = [];
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", APP_SECRET: appSecret() };

// The owner migrates and seeds; the app logs in as a role of its own. Given one URL, that is the
// owner's, and the app gets dsar_app on the same database, with a password kept from APP_SECRET.
let embedded: EmbeddedPostgres | undefined;
let product: ProductDatabase | undefined;
let ownerUrl: string;
let appUrl: string;
const oneUrl = Boolean(env.DATABASE_URL && !env.MIGRATION_DATABASE_URL);
if (!env.DATABASE_URL) {
  const dbPort = Number(env.EMBEDDED_DB_PORT ?? 5433);
  embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pglite"), port: dbPort, maxConnections: 64 });
  ownerUrl = embedded.url;
  appUrl = urlAsUser(embedded.url, APP_ROLE);
  cleanups.push(() => embedded!.stop());
  say(`embedded PostgreSQL (PGlite) on 127.0.0.1:${dbPort}, data in .data/pglite`);
} else if (env.MIGRATION_DATABASE_URL) {
  ownerUrl = env.MIGRATION_DATABASE_URL;
  appUrl = env.DATABASE_URL;
} else {
  ownerUrl = env.DATABASE_URL;
  appUrl = urlAsUser(env.DATABASE_URL, APP_ROLE, purposeKey(env.APP_SECRET!, "database-app-role").toString("base64url"));
}

let mailboxUrl: string | undefined;
if (!env.SMTP_URL) {
  const catcher = await startMailCatcher({
    smtpPort: Number(env.MAIL_CATCHER_SMTP_PORT ?? 1025),
    httpPort: Number(env.MAIL_CATCHER_HTTP_PORT ?? 1080),
  });
  env.SMTP_URL = `smtp://127.0.0.1:${catcher.smtpPort}`;
  mailboxUrl = `http://localhost:${catcher.httpPort}`;
  cleanups.push(() => catcher.stop());
}

const applied = await migrate(ownerUrl, path.join(root, "prisma/migrations"), (line) => say(line));
say(applied.length ? `${applied.length} migration(s) applied` : "database schema is up to date");
try {
  await grantAppRole(ownerUrl, appUrl, { setPassword: oneUrl });
} catch (error) {
  // Before MIGRATION_DATABASE_URL existed the app ran as DATABASE_URL's user; where that user
  // cannot make a role for the app, it still does, with a warning rather than a refusal.
  if (!(oneUrl && error instanceof RoleSetupError)) throw error;
  say(`WARNING: ${error.message}`);
  say(`WARNING: the app runs as ${urlUser(ownerUrl)}, which owns the tables; set MIGRATION_DATABASE_URL and DATABASE_URL (see .env.example)`);
  appUrl = ownerUrl;
}
say(`the app logs in as ${urlUser(appUrl)}${appUrl === ownerUrl ? "" : ` (rows only); migrations and the seed as ${urlUser(ownerUrl)}`}`);
// The app gets its own login and never the owner's.
env.DATABASE_URL = appUrl;
delete env.MIGRATION_DATABASE_URL;
const client = createPrismaClient(ownerUrl, 2);
const adminEmail = env.ADMIN_EMAIL ?? "admin@example.com";
const operator = named ?? (await seededOperator(client)) ?? operatorNamed(DEFAULT_OPERATOR);
say(`setting the portal up as ${operator.name}`);
// The demo's second database: Jexi's own product data, which the data map describes and runs search.
if (embedded && operator.key === jexi.key) {
  const productPort = Number(env.EMBEDDED_PRODUCT_DB_PORT ?? 5434);
  product = await startEmbeddedProductDatabase(path.join(dataDir, "product"), productPort);
  cleanups.push(() => product!.stop());
  say(`demo product database (PGlite) on 127.0.0.1:${productPort}, data in .data/product`);
}
try {
  await seed(client, {
    adminEmail,
    timeZone: env.OPERATOR_TIME_ZONE || undefined,
    demoProduct: product && { host: product.host, port: product.port, database: product.database, appSecret: env.APP_SECRET! },
    operator: named?.key,
  });
} catch (error) {
  // Set up as another operator already: say how to start afresh, and stop what was started.
  if (!(error instanceof OperatorMismatchError)) throw error;
  say(error.message);
  await client.$disconnect();
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  process.exit(1);
}
await client.$disconnect();
say("demo data is in place");

if (!dev) await buildIfNeeded(env, say);

const next = startNextServer(dev ? "dev" : "start", port, { ...env, APP_URL: env.APP_URL ?? `http://localhost:${port}` });

say(`the portal: http://localhost:${port}`);
say(`staff dashboard: http://localhost:${port}/admin (sign in as ${adminEmail}; the sign-in link arrives by email)`);
if (mailboxUrl) say(`read the emails it sends at ${mailboxUrl} (a local mail catcher; set SMTP_URL to use a real server)`);
if (product) say(`demo: submit an access request as ${DEMO_REQUESTER_EMAIL}, then press "Find this person's data" on it in the dashboard`);
if (product) say(`demo: an export request as ${DEMO_REQUESTER_EMAIL} is asked two questions after the email check; March 2025 and "owner" pass, anything else fails`);
say(`languages: the same portal in German, French, Spanish and Brazilian Portuguese at http://localhost:${port}/de, /fr, /es and /pt-BR (or by your browser's language); a request's emails follow the language it was made in`);
say(`API: create a key under API keys in the dashboard, then e.g. curl -H "Authorization: Bearer <key>" http://localhost:${port}/api/v1/requests (reference: /admin/api)`);

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  await next.stop();
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
next.process.on("exit", (code) => void stop(code ?? 0));
