import { beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { createCustomer, updateCustomer } from "@/lib/customers/customers";
import { CustomerSchema } from "@/lib/customers/schema";
import { addCollection, addField } from "@/lib/datamap/collections";
import { importDataMap } from "@/lib/datamap/import";
import { CollectionSchema, FieldSchema, SystemSchema } from "@/lib/datamap/schema";
import { createSystem, deleteSystem, updateSystem } from "@/lib/datamap/systems";
import { db } from "@/lib/db";
import { openOutboxPayload } from "@/lib/mail/payload";
import { renderEmail } from "@/lib/mail/render";
import type { EmailProps } from "@/lib/mail/templates";
import { listRecipients, readChangeLog } from "@/lib/recipients/queries";
import { createStaff } from "@/lib/testing/requests";

// The public list of recipients and its change log come from the data map as it is saved, and a
// change to the third parties queues, with the change, one email per customer who asked for it.

let admin: StaffUser;
let n = 0;

const systemInput = (overrides: Record<string, unknown> = {}) =>
  SystemSchema.parse({ key: `rcpt_${++n}`, name: `System ${n}`, ownerEmail: "owner@jexi.example", purpose: "Running the product", kind: "MANUAL", ...overrides });

type Notice = { to: string; props: EmailProps<"recipients-changed"> };
async function notices(): Promise<Notice[]> {
  const rows = await db.emailOutbox.findMany({ where: { template: "recipients-changed" }, orderBy: { createdAt: "asc" }, select: { payload: true } });
  return rows.map((r) => openOutboxPayload(r.payload!) as Notice);
}
async function newNotices(before: number): Promise<Notice[]> {
  return (await notices()).slice(before);
}

beforeAll(async () => {
  admin = await createStaff("ADMIN");
  await db.organizationSettings.upsert({
    where: { id: 1 },
    create: { legalName: "Jexi Ltd", productName: "Jexi", websiteUrl: "https://jexi.example", privacyEmail: "privacy@jexi.example", supportEmail: "help@jexi.example", registeredAddress: "1 Street" },
    update: {},
  });
  const customer = (legalName: string, privacyEmails: string, notifyRecipientChanges: boolean, language = "en") =>
    createCustomer(CustomerSchema.parse({ legalName, privacyEmails, language, notifyRecipientChanges }), admin);
  await customer("Acme Retail GmbH", "privacy@acme.example, dpo@acme.example", true, "de");
  await customer("Globex Corporation", "privacy@globex.example", true);
  await customer("Initech AG", "privacy@initech.example", false);
});

describe("who receives data", () => {
  it("queues one notice per subscribed customer for each change to the third parties, and none for internal systems", async () => {
    const internal = await createSystem(systemInput({ name: "Product database" }), admin);
    expect(await notices()).toEqual([]);

    const mailer = await createSystem(systemInput({ name: "Mail provider", purpose: "Sending email", thirdParty: "on", country: "United States" }), admin);
    const added = await notices();
    expect(added.map((e) => e.to).sort()).toEqual(["privacy@acme.example, dpo@acme.example", "privacy@globex.example"]);
    expect(added.find((e) => e.props.language === "de")!.props).toMatchObject({
      customerName: "Acme Retail GmbH",
      changes: [{ kind: "added", name: "Mail provider", purpose: "Sending email", country: "United States", changes: [] }],
    });
    expect(added[0]!.props.recipientsUrl).toMatch(/\/privacy\/recipients$/);
    const globex = added.find((e) => e.props.customerName === "Globex Corporation")!;
    const { text, subject } = await renderEmail("recipients-changed", globex.props);
    expect(subject).toContain("our list of subprocessors has changed");
    expect(text).toContain("Added: Mail provider");
    expect(text).toContain("Purpose: Sending email");
    expect(text).toContain("Country: United States");
    expect(text).toMatch(/\/privacy\/recipients/);

    // Saving the internal system's purpose, or a third party's without change, tells no one.
    await updateSystem(internal.id, systemInput({ key: "rcpt_1", name: "Product database", purpose: "The product" }), admin);
    const mailerValues = { key: "rcpt_2", name: "Mail provider", purpose: "Sending email", thirdParty: "on", country: "United States" };
    expect(await updateSystem(mailer.id, systemInput(mailerValues), admin)).toEqual({ changed: false });
    // The owner and the notice address are not on the list: changing them is no change to the recipients.
    await updateSystem(mailer.id, systemInput({ ...mailerValues, ownerEmail: "ops@jexi.example", noticeEmail: "privacy@mail.example" }), admin);
    expect(await notices()).toHaveLength(2);

    await updateSystem(mailer.id, systemInput({ ...mailerValues, ownerEmail: "ops@jexi.example", country: "Germany" }), admin);
    const changed = await newNotices(2);
    expect(changed).toHaveLength(2);
    expect(changed[0]!.props.changes).toEqual([{ kind: "changed", name: "Mail provider", purpose: "Sending email", country: "Germany", changes: [{ field: "country", from: "United States", to: "Germany" }] }]);
    const changedText = (await renderEmail("recipients-changed", changed.find((e) => e.props.language === "en")!.props)).text;
    expect(changedText).toContain("Changed: Mail provider");
    expect(changedText).toContain("Country: Germany (was: United States)");

    // Marking the internal system as run by a third party adds it; removing the mail provider removes it.
    await updateSystem(internal.id, systemInput({ key: "rcpt_1", name: "Product database", purpose: "The product", thirdParty: "on" }), admin);
    await deleteSystem(mailer.id, admin);
    const later = await newNotices(4);
    expect(later.map((e) => e.props.changes[0]!.kind)).toEqual(["added", "added", "removed", "removed"]);
    const removedText = (await renderEmail("recipients-changed", later.find((e) => e.props.language === "en" && e.props.changes[0]!.kind === "removed")!.props)).text;
    expect(removedText).toContain("Removed: Mail provider");

    // The change log: newest first, dated, and only what concerns third parties.
    const log = await readChangeLog();
    expect(log.map((e) => [e.kind, e.name, e.country])).toEqual([
      ["removed", "Mail provider", "Germany"],
      ["added", "Product database", null],
      ["changed", "Mail provider", "Germany"],
      ["added", "Mail provider", "United States"],
    ]);
    expect(log[2]!.changes).toEqual([{ field: "country", from: "United States", to: "Germany" }]);
    expect(log.every((e) => e.at instanceof Date)).toBe(true);
    // Nothing about staff or owners.
    expect(JSON.stringify(log)).not.toMatch(/jexi\.example|@/);

    await deleteSystem(internal.id, admin);
  });

  it("lists each third party with the categories of its fields, once each, and its country", async () => {
    const crm = await createSystem(systemInput({ name: "Hosted CRM", purpose: "Sales", thirdParty: "on", country: "Ireland" }), admin);
    const own = await createSystem(systemInput({ name: "Own sheet", purpose: "Notes" }), admin);
    const contacts = await addCollection(crm.id, CollectionSchema.parse({ name: "contacts" }), admin);
    const leads = await addCollection(crm.id, CollectionSchema.parse({ name: "leads" }), admin);
    await addField(contacts.id, FieldSchema.parse({ name: "email", categories: "user.contact.email", identity: "email" }), admin);
    await addField(contacts.id, FieldSchema.parse({ name: "name", categories: "user.name" }), admin);
    await addField(leads.id, FieldSchema.parse({ name: "email", categories: "user.contact.email" }), admin);

    const recipients = await listRecipients();
    expect(recipients).toEqual([{ name: "Hosted CRM", purpose: "Sales", country: "Ireland", categories: [expect.stringContaining("(user.contact.email)"), expect.stringContaining("(user.name)")] }]);
    expect(recipients.some((r) => r.name === "Own sheet")).toBe(false);
    await deleteSystem(own.id, admin);
  });

  it("tells subscribed customers once for a whole import, listing every third party it changed", async () => {
    const before = (await notices()).length;
    const file = `dataset:
- fides_key: analytics
  name: Product analytics
  meta: { kind: manual, owner_email: ops@jexi.example, purpose: Usage statistics, third_party: true, country: Netherlands }
  collections: []
- fides_key: warehouse
  name: Warehouse
  meta: { kind: manual, owner_email: ops@jexi.example, purpose: Reporting }
  collections: []
`;
    const outcome = await importDataMap(file, {}, admin);
    expect(outcome.ok).toBe(true);
    const imported = await newNotices(before);
    expect(imported).toHaveLength(2);
    expect(imported[0]!.props.changes).toEqual([{ kind: "added", name: "Product analytics", purpose: "Usage statistics", country: "Netherlands", changes: [] }]);
    expect((await readChangeLog())[0]).toMatchObject({ kind: "added", name: "Product analytics", country: "Netherlands" });
  });

  it("audits a customer's choice to be told, like its other details", async () => {
    const { id } = await createCustomer(CustomerSchema.parse({ legalName: "Umbrella Ltd", privacyEmails: "privacy@umbrella.example", language: "en" }), admin);
    await updateCustomer(id, CustomerSchema.parse({ legalName: "Umbrella Ltd", privacyEmails: "privacy@umbrella.example", language: "en", notifyRecipientChanges: true }), admin);
    const events = await db.customerEvent.findMany({ where: { customerId: id }, orderBy: { id: "asc" }, select: { action: true, data: true } });
    expect(events.at(-1)).toEqual({ action: "customer.updated", data: { changed: { notifyRecipientChanges: { from: false, to: true } } } });
    expect(await db.customer.findUniqueOrThrow({ where: { id }, select: { notifyRecipientChanges: true } })).toEqual({ notifyRecipientChanges: true });
  });
});
