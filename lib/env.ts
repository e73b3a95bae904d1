import { z } from "zod";
import { isTimeZone } from "@/lib/dates/time-zone";

const bool = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Every setting the app reads, parsed once. The app boots with none of them set. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** How the app logs in: a role with row rights only (lib/db/roles.ts). */
  DATABASE_URL: z.string().url().default("postgresql://postgres@127.0.0.1:5433/postgres"),
  /** How migrations and the seed log in: the tables' owner. Unset: DATABASE_URL. */
  MIGRATION_DATABASE_URL: z.string().url().optional(),
  APP_URL: z.string().url().default("http://localhost:3000"),
  /** Where to report a vulnerability, in /.well-known/security.txt: an email address, or a mailto:/https: URL. Unset: the privacy team's address. */
  SECURITY_CONTACT: z.string().min(3).optional(),
  APP_SECRET: z.string().min(32).optional(),
  SMTP_URL: z.string().default("smtp://127.0.0.1:1025"),
  MAIL_FROM: z.string().optional(),
  TRUST_PROXY: bool,
  WORKER_ENABLED: z.enum(["true", "false"]).default("true").transform((v) => v === "true"),
  WORKER_POLL_MS: positiveInt(1000),
  /** The staff's daily digest email (lib/staff/digest.ts); each person can still switch theirs off. */
  STAFF_DIGEST_ENABLED: z.enum(["true", "false"]).default("true").transform((v) => v === "true"),
  RATE_LIMIT_SUBMIT_PER_IP_PER_HOUR: positiveInt(20),
  RATE_LIMIT_SUBMIT_PER_EMAIL_PER_DAY: positiveInt(5),
  /** Requests a client address may send in an hour before the form must solve a proof of work first (lib/pow); 0: always. */
  POW_AFTER_SUBMISSIONS_PER_IP_PER_HOUR: z.coerce.number().int().min(0).default(3),
  /** The proof of work's most SHA-256 tries (on average half): about a second in a browser at 100,000. */
  POW_MAX_NUMBER: z.coerce.number().int().min(100).max(10_000_000).default(100_000),
  DB_POOL_MAX: positiveInt(10),
  ADMIN_EMAIL: z.string().email().default("admin@example.com"),
  DATA_PACKAGE_KEY: z.string().min(32).optional(),
  DATA_PACKAGE_LINK_DAYS: positiveInt(7),
  /** Days a customer has to acknowledge a referral before each reminder. */
  REFERRAL_REMINDER_DAYS: positiveInt(5),
  /** Reminders before a silent referral escalates to the officer's queue. */
  REFERRAL_MAX_REMINDERS: z.coerce.number().int().min(0).default(2),
  /** How often the job worker looks for due follow-ups. */
  JOBS_POLL_MS: positiveInt(60_000),
  /** Seconds between the job queue's polls for new jobs (a job sent by this process wakes it at once). */
  QUEUE_POLL_SECONDS: z.coerce.number().min(0.5).default(2),
  /** Seconds between the job queue's maintenance passes (expiring jobs whose worker died, archiving). */
  QUEUE_MAINTENANCE_SECONDS: positiveInt(60),

  // Fulfillment runs (lib/fulfillment).
  /** Seconds a task's claim lasts without a heartbeat; after that another worker may resume it. */
  FULFILLMENT_TASK_LEASE_SECONDS: positiveInt(30),
  /** Days a manual system's owner has to answer before each reminder. */
  MANUAL_TASK_REMINDER_DAYS: positiveInt(3),
  /** Reminders to a silent owner before the task escalates to the officer. */
  MANUAL_TASK_MAX_REMINDERS: z.coerce.number().int().min(0).default(2),
  /** Days a manual task's link works. */
  MANUAL_TASK_LINK_DAYS: positiveInt(14),
  /** Only for end-to-end tests: exposes /api/testing/clock, which moves the app's clock. */
  TEST_CLOCK_ENABLED: bool,
  /**
   * Reverse proxies in front of the app that each append the address they saw to X-Forwarded-For.
   * 0: none, the socket's address is the client. TRUST_PROXY=true alone means 1.
   */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).optional(),

  // Staff sessions and sign-in.
  /** Hours a staff session lasts from sign-in, however active. */
  STAFF_SESSION_MAX_HOURS: positiveInt(8),
  /** Minutes without use after which a staff session ends. */
  STAFF_SESSION_IDLE_MINUTES: positiveInt(60),
  RATE_LIMIT_SIGN_IN_PER_EMAIL_PER_HOUR: positiveInt(5),
  RATE_LIMIT_SIGN_IN_PER_IP_PER_HOUR: positiveInt(20),

  // Requester verification.
  /** Wrong codes a request may receive, across every code sent for it, before its code path locks. */
  VERIFICATION_MAX_WRONG_CODES: positiveInt(10),
  RATE_LIMIT_WRONG_CODES_PER_IP_PER_HOUR: positiveInt(30),
  // Calls one API key may make a minute (lib/api/handle.ts); more are answered 429 with Retry-After.
  RATE_LIMIT_API_PER_KEY_PER_MINUTE: positiveInt(120),
  // Calls without a valid key one client address may make a minute; more are answered 429 (and logged no more).
  RATE_LIMIT_API_UNAUTHENTICATED_PER_IP_PER_MINUTE: positiveInt(30),
  // These request-handling values are defaults: Settings → Request handling may override each
  // (lib/organization/handling.ts, which every reader goes through).
  /** Days after which a request whose email is never confirmed closes. */
  UNVERIFIED_EXPIRY_DAYS: z.coerce.number().int().min(1).max(30).default(7),
  /** Hours after a request is sent that its first reminder to confirm the email goes; 0: none. */
  VERIFICATION_FIRST_REMINDER_HOURS: z.coerce.number().int().min(0).default(24),
  /** Hours before an unconfirmed request closes (UNVERIFIED_EXPIRY_DAYS) that the last reminder goes; 0: none. */
  VERIFICATION_LAST_REMINDER_HOURS: z.coerce.number().int().min(0).max(719).default(24),

  // Duplicates and spam (lib/requests/duplicates.ts, lib/requests/spam.ts).
  /** Days within which a new request of the same confirmed address and type as an unfinished one is flagged as a possible duplicate; 0: never. */
  DUPLICATE_WINDOW_DAYS: z.coerce.number().int().min(0).default(30),
  /** Days an address is refused new requests after an officer marks one of its requests as spam. */
  SPAM_BLOCK_DAYS: positiveInt(90),

  // What is kept, and for how long.
  /** Days a status link keeps working after its request closes (the record itself stays). */
  STATUS_LINK_DAYS_AFTER_CLOSE: positiveInt(90),
  RATE_LIMIT_STATUS_RECOVERY_PER_IP_PER_HOUR: positiveInt(10),
  /** Days after a package's download link expired before its bytes are deleted. */
  PACKAGE_PURGE_GRACE_DAYS: z.coerce.number().int().min(0).default(30),

  /**
   * IANA time zone the seed writes to organization_settings.time_zone (until a settings page
   * exists): deadlines count its calendar days and dates are shown in it. Unset: UTC, or whatever
   * the database already holds. An unknown zone is refused.
   */
  OPERATOR_TIME_ZONE: z
    .string()
    .optional()
    .refine((zone) => zone === undefined || isTimeZone(zone), "Unknown time zone"),
}).superRefine((env, ctx) => {
  // The reminders must fall inside the wait (Settings → Request handling checks its overrides the same way).
  for (const key of ["VERIFICATION_FIRST_REMINDER_HOURS", "VERIFICATION_LAST_REMINDER_HOURS"] as const) {
    if (env[key] >= env.UNVERIFIED_EXPIRY_DAYS * 24) ctx.addIssue({ code: "custom", path: [key], message: `must be under UNVERIFIED_EXPIRY_DAYS × 24 hours` });
  }
});

export type Env = z.infer<typeof EnvSchema> & { APP_SECRET: string; DATA_PACKAGE_KEY: string };

// Only for development and tests: production refuses to start without a real secret, and
// `npm start` generates and keeps one under .data/ when none is given.
const DEV_SECRET = "development-only-secret-not-for-production-use-0000";

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  // An empty line copied from .env.example (`SMTP_URL=`) means "not set".
  const set = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ""));
  const parsed = EnvSchema.safeParse(set);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join(".")).join(", ");
    throw new Error(`Invalid environment: ${fields}. See .env.example.`);
  }
  const env = parsed.data;
  if (!env.APP_SECRET && env.NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build") {
    throw new Error("APP_SECRET is required in production (32 characters or more). See .env.example.");
  }
  const appSecret = env.APP_SECRET ?? DEV_SECRET;
  // Without its own key, data packages are sealed with a key derived from APP_SECRET under their
  // own purpose (lib/security/encryption.ts), so no other ciphertext shares it.
  cached = { ...env, APP_SECRET: appSecret, DATA_PACKAGE_KEY: env.DATA_PACKAGE_KEY ?? appSecret };
  return cached;
}
