import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/prisma-client";
import type { ErasureStrategy, HttpCollectionConfig, IdentityType, SqlConnection } from "@/lib/datamap/types";
import { PRODUCT_ROLE_PASSWORD, PRODUCT_ROLE } from "@/lib/demo/product-data";
import { encrypt } from "@/lib/security/encryption";

// The data map that describes Jexi's product database (lib/demo/product-data.ts), plus the finance
// team's invoice spreadsheet, a system without a connector whose owner answers by email, and the
// email delivery provider Jexi's app sends through: a third party (a subprocessor), listed on the
// public "Who receives data" page, with no connection and no identity field, so runs pass it by.
// Written by the seed when the map has none of these systems yet, so an admin's later edits stay.
//
// Workspace content (end users, their conversations and messages) is erased only when the customer
// who controls it instructs it from its referral page: the person's rows go whole, since their
// references and texts are NOT NULL and could not be emptied.
//
// References point from the field that holds a value to the field it comes from
// (tickets.requester_id -> members.id): a run that found members looks their tickets up by id.

type FieldSeed = {
  name: string;
  categories: string[];
  identity?: IdentityType;
  primaryKey?: boolean;
  /** "collection.field" in the same system. */
  references?: string;
  description?: string;
  /** What an erasure does to it (lib/erasure/strategy.ts); absent: its categories' default. */
  erasure?: { strategy: ErasureStrategy; value?: string; reason?: string };
  /** A correction may write a new value here (lib/corrections/). */
  correctable?: boolean;
};
type CollectionSeed = { name: string; description: string; workspaceField?: string; http?: HttpCollectionConfig; fields: FieldSeed[] };
type SystemSeed = {
  key: string;
  name: string;
  description: string;
  ownerEmail: string;
  purpose: string;
  thirdParty: boolean;
  country?: string;
  noticeEmail?: string;
  dataUses?: string[];
  kind: "POSTGRES" | "HTTP" | "MANUAL";
  collections: CollectionSeed[];
};

const OPS = ["system.operations"];
const KEEP_FOR_TAX = { strategy: "KEEP", reason: "Invoices and who they were sent to are kept 10 years for tax law (German Fiscal Code §147)." } as const;

export const PRODUCT_SYSTEM_KEY = "jexi-product";
export const FINANCE_SYSTEM_KEY = "finance-spreadsheet";
/** Who is emailed the finance spreadsheet's tasks (the demo's mail catcher shows them). */
export const FINANCE_OWNER_EMAIL = "finance@jexi.example";
export const EMAIL_PROVIDER_SYSTEM_KEY = "email-delivery";

export const DEMO_SYSTEMS: SystemSeed[] = [
  {
    key: PRODUCT_SYSTEM_KEY,
    name: "Jexi product database",
    description: "PostgreSQL database behind the Jexi app. Account data is kept while the account is open and 90 days after; support tickets 3 years.",
    ownerEmail: "platform@jexi.example",
    purpose: "Providing the Jexi service: accounts, members, customer workspaces and support tickets",
    thirdParty: false,
    dataUses: ["essential.service", "essential.service.operations.support", "essential.service.security", "analytics.reporting.system"],
    kind: "POSTGRES",
    collections: [
      {
        name: "accounts",
        description: "Business customers' accounts",
        fields: [
          { name: "id", categories: OPS, primaryKey: true },
          { name: "company_name", categories: ["user.contact.organization"], erasure: { strategy: "KEEP", reason: "The customer company's name, not the person's: the account stays for its other members." } },
          { name: "plan", categories: OPS },
          { name: "created_at", categories: OPS },
        ],
      },
      {
        name: "members",
        description: "People who sign in to an account",
        fields: [
          { name: "id", categories: ["user.unique_id"], primaryKey: true },
          { name: "account_id", categories: OPS, references: "accounts.id" },
          { name: "email", categories: ["user.contact.email"], identity: "email", erasure: { strategy: "DELETE_ROW" } },
          { name: "full_name", categories: ["user.name"], correctable: true },
          { name: "role", categories: ["user.job_title"], correctable: true },
          { name: "created_at", categories: ["user.account"] },
          { name: "last_login_at", categories: ["user.account"] },
        ],
      },
      {
        name: "tickets",
        description: "Support tickets members wrote to Jexi",
        fields: [
          { name: "id", categories: OPS, primaryKey: true },
          { name: "requester_id", categories: ["user.unique_id"], references: "members.id" },
          { name: "subject", categories: ["user.content.private"], erasure: { strategy: "DELETE_ROW" } },
          { name: "body", categories: ["user.content.private"] },
          { name: "status", categories: OPS },
          { name: "created_at", categories: OPS },
        ],
      },
      {
        name: "ticket_replies",
        description: "Replies on support tickets",
        fields: [
          { name: "id", categories: OPS, primaryKey: true },
          { name: "ticket_id", categories: OPS, references: "tickets.id" },
          { name: "author", categories: OPS },
          { name: "body", categories: ["user.content.private"], erasure: { strategy: "DELETE_ROW" } },
          { name: "created_at", categories: OPS },
        ],
      },
      {
        name: "billing_contacts",
        description: "Who receives an account's invoices",
        fields: [
          { name: "id", categories: OPS, primaryKey: true },
          { name: "email", categories: ["user.contact.email"], identity: "email", erasure: KEEP_FOR_TAX },
          { name: "name", categories: ["user.name"], erasure: KEEP_FOR_TAX, correctable: true },
          { name: "street", categories: ["user.contact.address.street"], erasure: KEEP_FOR_TAX, correctable: true },
          { name: "city", categories: ["user.contact.address.city"], erasure: KEEP_FOR_TAX, correctable: true },
          { name: "country", categories: ["user.contact.address.country"], erasure: KEEP_FOR_TAX, correctable: true },
          { name: "vat_number", categories: ["user.financial"], erasure: KEEP_FOR_TAX },
        ],
      },
      {
        name: "audit_logs",
        description: "Sign-ins and settings changes by members",
        fields: [
          { name: "id", categories: OPS, primaryKey: true },
          { name: "member_id", categories: ["user.unique_id"], references: "members.id" },
          { name: "action", categories: ["user.behavior"], erasure: { strategy: "KEEP", reason: "The security log keeps what was done, without who did it, for one year (security of the service)." } },
          { name: "ip_address", categories: ["user.device.ip_address"] },
          { name: "at", categories: OPS },
        ],
      },
      {
        name: "end_users",
        description: "A customer's end users (workspace content: the customer is controller)",
        workspaceField: "workspace_slug",
        fields: [
          { name: "id", categories: ["user.unique_id"], primaryKey: true },
          { name: "workspace_slug", categories: OPS },
          { name: "email", categories: ["user.contact.email"], identity: "email", erasure: { strategy: "DELETE_ROW" } },
          { name: "name", categories: ["user.name"] },
          { name: "external_id", categories: ["user.unique_id.pseudonymous"] },
          { name: "created_at", categories: OPS },
        ],
      },
      {
        name: "conversations",
        description: "Conversations in a customer's workspace",
        workspaceField: "workspace_slug",
        fields: [
          { name: "id", categories: OPS, primaryKey: true },
          { name: "workspace_slug", categories: OPS },
          { name: "end_user_id", categories: ["user.unique_id"], references: "end_users.id" },
          { name: "channel", categories: OPS },
          { name: "subject", categories: ["user.content.private"], erasure: { strategy: "DELETE_ROW" } },
          { name: "started_at", categories: OPS },
        ],
      },
      {
        name: "messages",
        description: "Messages of those conversations",
        workspaceField: "workspace_slug",
        fields: [
          { name: "id", categories: OPS, primaryKey: true },
          { name: "conversation_id", categories: OPS, references: "conversations.id" },
          { name: "workspace_slug", categories: OPS },
          { name: "author", categories: OPS },
          { name: "body", categories: ["user.content.private"], erasure: { strategy: "DELETE_ROW" } },
          { name: "sent_at", categories: OPS },
        ],
      },
    ],
  },
  {
    key: FINANCE_SYSTEM_KEY,
    name: "Finance team's invoice spreadsheet",
    description: "Invoices are kept 10 years (commercial and tax law).",
    ownerEmail: FINANCE_OWNER_EMAIL,
    purpose: "Invoicing and accounting",
    thirdParty: false,
    dataUses: ["essential.service.payment_processing", "essential.legal_obligation"],
    kind: "MANUAL",
    collections: [
      {
        name: "invoices",
        description: "One line per invoice sent",
        fields: [
          { name: "invoice_number", categories: OPS },
          { name: "billing_email", categories: ["user.contact.email"], identity: "email", erasure: KEEP_FOR_TAX },
          { name: "amount", categories: ["user.financial"], erasure: KEEP_FOR_TAX },
          { name: "issued_on", categories: OPS },
        ],
      },
    ],
  },
  {
    key: EMAIL_PROVIDER_SYSTEM_KEY,
    name: "Transactional email provider",
    description: "The service that delivers the emails the Jexi app sends. It keeps delivery logs 30 days; we have no connector to it, so runs do not search it.",
    ownerEmail: "platform@jexi.example",
    purpose: "Delivering the emails the Jexi app sends: sign-in links, notifications and invoices",
    thirdParty: true,
    dataUses: ["essential.service.notifications.email", "marketing.communications.email"],
    country: "United States",
    noticeEmail: "privacy@mailer.example",
    kind: "HTTP",
    collections: [
      {
        name: "delivery_logs",
        description: "One line per email delivered, kept 30 days",
        fields: [
          { name: "recipient", categories: ["user.contact.email"] },
          { name: "recipient_name", categories: ["user.name"] },
          { name: "status", categories: OPS },
          { name: "sent_at", categories: OPS },
        ],
      },
    ],
  },
];

type Tx = Prisma.TransactionClient;

async function createSystem(tx: Tx, system: SystemSeed, connection: SqlConnection | null, sealedSecret: Uint8Array<ArrayBuffer> | null): Promise<string> {
  const { collections, ...fields } = system;
  const created = await tx.dataSystem.create({
    data: {
      ...fields,
      connection: connection ?? undefined,
      secret: sealedSecret,
      secretSetAt: sealedSecret ? new Date() : null,
    },
    select: { id: true },
  });
  const fieldIds = new Map<string, string>();
  for (const [position, collection] of collections.entries()) {
    const row = await tx.dataCollection.create({
      data: {
        systemId: created.id,
        name: collection.name,
        description: collection.description,
        workspaceField: collection.workspaceField ?? null,
        http: collection.http ?? undefined,
        position,
      },
      select: { id: true },
    });
    for (const [fieldPosition, field] of collection.fields.entries()) {
      const f = await tx.dataField.create({
        data: {
          collectionId: row.id,
          name: field.name,
          description: field.description ?? null,
          categories: field.categories,
          identity: field.identity ?? null,
          primaryKey: field.primaryKey ?? false,
          position: fieldPosition,
          erasureStrategy: field.erasure?.strategy ?? null,
          erasureValue: field.erasure?.value ?? null,
          retentionReason: field.erasure?.reason ?? null,
          correctable: field.correctable ?? false,
        },
        select: { id: true },
      });
      fieldIds.set(`${collection.name}.${field.name}`, f.id);
    }
  }
  for (const collection of collections) {
    for (const field of collection.fields) {
      if (!field.references) continue;
      const target = fieldIds.get(field.references);
      if (!target) throw new Error(`Demo map: ${collection.name}.${field.name} references unknown ${field.references}`);
      await tx.dataField.update({ where: { id: fieldIds.get(`${collection.name}.${field.name}`)! }, data: { referencesFieldId: target } });
    }
  }
  return created.id;
}

/**
 * Writes the demo systems that are missing (by key), the product database's connection pointing
 * at `product` as the read-only role, its password sealed with `appSecret` under the connector
 * credentials' key purpose. `actorId`: the admin the audit trail names for the seed.
 */
export async function seedDemoDataMap(
  db: Db,
  {
    product,
    appSecret,
    actorId,
    questions = true,
  }: { product: { host: string; port: number; database: string }; appSecret: string; actorId: string; questions?: boolean },
): Promise<number> {
  let created = 0;
  await db.$transaction(async (tx) => {
    for (const system of DEMO_SYSTEMS) {
      const existing = await tx.dataSystem.findUnique({ where: { key: system.key }, select: { id: true } });
      if (existing) continue;
      const connection: SqlConnection | null =
        system.kind === "POSTGRES" ? { ...product, user: PRODUCT_ROLE, schema: "public" } : null;
      const secret = system.kind === "POSTGRES" ? encrypt(appSecret, "connector-credentials", PRODUCT_ROLE_PASSWORD) : null;
      const id = await createSystem(tx, system, connection, secret);
      await tx.dataMapEvent.create({
        data: { systemId: id, actorId, action: "system.seeded", data: { key: system.key, collections: system.collections.length } },
      });
      created += 1;
    }
    if (questions) await seedDemoQuestions(tx);
  });
  return created;
}

/**
 * The higher standard of verification in the demo (lib/verification/identity): export requests
 * (specific pieces of data) are asked two things the product database holds about a member. Only
 * once: an admin's later changes stay.
 */
async function seedDemoQuestions(tx: Prisma.TransactionClient): Promise<void> {
  if ((await tx.verificationQuestion.count()) > 0) return;
  const members = await tx.dataCollection.findFirst({
    where: { name: "members", system: { key: PRODUCT_SYSTEM_KEY } },
    select: { fields: { where: { name: { in: ["created_at", "role"] } }, select: { id: true, name: true } } },
  });
  const field = (name: string) => members?.fields.find((f) => f.name === name)?.id ?? null;
  if (!field("created_at") || !field("role")) return;
  await tx.verificationQuestion.createMany({
    data: [
      {
        prompt: "In which month did you create your Jexi account?",
        hint: "Or the month you were invited to your company's account.",
        answerKind: "MONTH",
        requestTypes: ["PORTABILITY"],
        fieldId: field("created_at"),
        matching: "SAME_MONTH",
        position: 1,
      },
      {
        prompt: "What is your role in your company's Jexi account?",
        hint: "As the product shows it: for example owner, admin or agent.",
        answerKind: "TEXT",
        requestTypes: ["PORTABILITY"],
        fieldId: field("role"),
        matching: "EXACT",
        position: 2,
      },
    ],
  });
}
