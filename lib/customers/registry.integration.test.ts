import { beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { createCustomer, updateCustomer } from "@/lib/customers/customers";
import { getCustomer, listCustomers } from "@/lib/customers/queries";
import { CustomerSchema, WorkspaceSchema } from "@/lib/customers/schema";
import { addWorkspace, removeWorkspace, updateWorkspace } from "@/lib/customers/workspaces";
import { db } from "@/lib/db";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import { expectRefusal } from "@/lib/testing/requests";

let officer: StaffUser;
let auditor: StaffUser;
let counter = 0;

async function staff(role: StaffRole): Promise<StaffUser> {
  counter += 1;
  return db.staff.create({ data: { email: `${role.toLowerCase()}.${counter}@jexi.test`, role }, select: { id: true, email: true, name: true, role: true } });
}

/** Input as the form sends it, parsed by the schema the action parses it with. */
const customerInput = (overrides: Record<string, string> = {}) =>
  CustomerSchema.parse({ legalName: "Acme Support Ltd", privacyEmails: "privacy@acme.example", language: "en", dpaReference: "DPA-2025-014", ...overrides });
const workspaceInput = (overrides: Record<string, string> = {}) => WorkspaceSchema.parse({ name: "Acme Help", slug: "acme-help", domains: "", ...overrides });

async function eventsOf(customerId: string) {
  return db.customerEvent.findMany({ where: { customerId }, orderBy: { id: "asc" }, select: { action: true, actorId: true, data: true } });
}

beforeAll(async () => {
  officer = await staff("OFFICER");
  auditor = await staff("AUDITOR");
});

describe("registering customers", () => {
  it("creates a customer with its folded name key and records who did it", async () => {
    const { id } = await createCustomer(customerInput({ legalName: "Glöbex Retail GmbH", privacyEmails: "Datenschutz@globex.example, legal@globex.example" }), officer);
    const stored = await db.customer.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({
      legalName: "Glöbex Retail GmbH",
      legalNameKey: "globex retail gmbh",
      privacyEmails: ["datenschutz@globex.example", "legal@globex.example"],
      language: "en",
      dpaReference: "DPA-2025-014",
    });
    expect(await eventsOf(id)).toEqual([
      {
        action: "customer.created",
        actorId: officer.id,
        data: {
          changed: {
            legalName: { from: null, to: "Glöbex Retail GmbH" },
            privacyEmails: { from: null, to: ["datenschutz@globex.example", "legal@globex.example"] },
            language: { from: null, to: "en" },
            dpaReference: { from: null, to: "DPA-2025-014" },
            notifyRecipientChanges: { from: null, to: false },
          },
        },
      },
    ]);
  });

  it("refuses a second customer whose legal name folds alike", async () => {
    await createCustomer(customerInput({ legalName: "Initech AG" }), officer);
    await expectRefusal(createCustomer(customerInput({ legalName: "INITECH ag." }), officer), "CUSTOMER_EXISTS");
    expect(await db.customer.count({ where: { legalNameKey: "initech ag" } })).toBe(1);
  });

  it("updates the changed fields only, refolds the key, and records from and to", async () => {
    const { id } = await createCustomer(customerInput({ legalName: "Umbrella Ltd" }), officer);
    expect(await updateCustomer(id, customerInput({ legalName: "Umbrella Ltd" }), officer)).toEqual({ changed: false });
    expect(await updateCustomer(id, customerInput({ legalName: "Umbrélla Holdings Ltd", language: "fr", dpaReference: "" }), officer)).toEqual({ changed: true });
    expect(await db.customer.findUniqueOrThrow({ where: { id } })).toMatchObject({
      legalNameKey: "umbrella holdings ltd",
      language: "fr",
      dpaReference: null,
    });
    const events = await eventsOf(id);
    expect(events.map((e) => e.action)).toEqual(["customer.created", "customer.updated"]);
    expect(events[1]!.data).toEqual({
      changed: {
        legalName: { from: "Umbrella Ltd", to: "Umbrélla Holdings Ltd" },
        language: { from: "en", to: "fr" },
        dpaReference: { from: "DPA-2025-014", to: null },
      },
    });
  });

  it("refuses an invalid contact email before anything is stored", () => {
    const parsed = CustomerSchema.safeParse({ legalName: "Hooli", privacyEmails: "privacy@hooli.example\nnot-an-email", language: "en" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["privacyEmails"], message: "“not-an-email” is not an email address. Use the format privacy@example.com" });
  });

  it("lets only roles that manage customers change them, and every staff role read them", async () => {
    await expect(createCustomer(customerInput({ legalName: "Auditor Co" }), auditor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.customer.count({ where: { legalName: "Auditor Co" } })).toBe(0);
    const page = await listCustomers(auditor);
    expect(page.customers.map((c) => c.legalName)).toEqual(["Glöbex Retail GmbH", "Initech AG", "Umbrélla Holdings Ltd"]);
  });
});

describe("workspaces", () => {
  let acme: string;
  let globex: string;

  beforeAll(async () => {
    acme = (await createCustomer(customerInput({ legalName: "Acme Support Ltd" }), officer)).id;
    globex = (await createCustomer(customerInput({ legalName: "Globex Corporation" }), officer)).id;
  });

  it("adds a workspace with its folded name key and host names, and records it", async () => {
    const { id } = await addWorkspace(acme, workspaceInput({ name: "Acme Hélp", domains: "https://www.Acme.example/help\nhelp.acme.example" }), officer);
    expect(await db.workspace.findUniqueOrThrow({ where: { id } })).toMatchObject({
      customerId: acme,
      name: "Acme Hélp",
      nameKey: "acme help",
      slug: "acme-help",
      domains: ["acme.example", "help.acme.example"],
    });
    expect((await eventsOf(acme)).at(-1)).toEqual({
      action: "workspace.added",
      actorId: officer.id,
      data: {
        workspaceId: id,
        workspaceSlug: "acme-help",
        changed: { name: { from: null, to: "Acme Hélp" }, slug: { from: null, to: "acme-help" }, domains: { from: null, to: ["acme.example", "help.acme.example"] } },
      },
    });
  });

  it("refuses a slug another workspace uses, naming that workspace", async () => {
    const before = await db.customerEvent.count();
    await expectRefusal(addWorkspace(globex, workspaceInput({ name: "Globex Help" }), officer), "SLUG_TAKEN");
    await expect(addWorkspace(globex, workspaceInput({ name: "Globex Help" }), officer)).rejects.toThrow(
      "The slug “acme-help” is already used by the workspace “Acme Hélp” (acme-help) of Acme Support Ltd. Choose another slug.",
    );
    expect(await db.workspace.count({ where: { customerId: globex } })).toBe(0);
    expect(await db.customerEvent.count()).toBe(before);
  });

  it("refuses a domain another workspace lists, naming that workspace, also when editing", async () => {
    await expect(addWorkspace(globex, workspaceInput({ name: "Globex", slug: "globex", domains: "globex.example, help.acme.example" }), officer)).rejects.toMatchObject({
      code: "DOMAIN_TAKEN",
      message: "help.acme.example is already listed by the workspace “Acme Hélp” (acme-help) of Acme Support Ltd. A domain can belong to one workspace only.",
    });
    // A parent or child of a listed domain is not the same domain: routing prefers the nearest.
    const { id } = await addWorkspace(globex, workspaceInput({ name: "Globex", slug: "globex", domains: "globex.example, eu.acme.example" }), officer);
    await expectRefusal(updateWorkspace(id, workspaceInput({ name: "Globex", slug: "globex", domains: "globex.example, acme.example" }), officer), "DOMAIN_TAKEN");
    expect((await db.workspace.findUniqueOrThrow({ where: { id } })).domains).toEqual(["globex.example", "eu.acme.example"]);
  });

  it("updates a workspace, keeping its own slug and domains, and records what changed", async () => {
    const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: "acme-help" } });
    expect(await updateWorkspace(workspace.id, workspaceInput({ name: "Acme Hélp", domains: "acme.example\nhelp.acme.example" }), officer)).toEqual({
      customerId: acme,
      changed: false,
    });
    await updateWorkspace(workspace.id, workspaceInput({ name: "Acme Helpdesk", slug: "acme-desk", domains: "help.acme.example" }), officer);
    expect(await db.workspace.findUniqueOrThrow({ where: { id: workspace.id } })).toMatchObject({
      name: "Acme Helpdesk",
      nameKey: "acme helpdesk",
      slug: "acme-desk",
      domains: ["help.acme.example"],
    });
    const events = await eventsOf(acme);
    expect(events.map((e) => e.action).slice(-2)).toEqual(["workspace.added", "workspace.updated"]);
    expect(events.at(-1)!.data).toEqual({
      workspaceId: workspace.id,
      workspaceSlug: "acme-desk",
      changed: {
        name: { from: "Acme Hélp", to: "Acme Helpdesk" },
        slug: { from: "acme-help", to: "acme-desk" },
        domains: { from: ["acme.example", "help.acme.example"], to: ["help.acme.example"] },
      },
    });
    // The slug it gave up is free again.
    await addWorkspace(acme, workspaceInput({ name: "Acme Legacy", slug: "acme-help" }), officer);
  });

  it("removes a workspace without referrals and records it", async () => {
    const { id } = await addWorkspace(acme, workspaceInput({ name: "Acme Old", slug: "acme-old", domains: "old.acme.example" }), officer);
    expect(await removeWorkspace(id, officer)).toEqual({ customerId: acme });
    expect(await db.workspace.count({ where: { id } })).toBe(0);
    expect((await eventsOf(acme)).at(-1)).toEqual({
      action: "workspace.removed",
      actorId: officer.id,
      data: {
        workspaceId: id,
        workspaceSlug: "acme-old",
        changed: { name: { from: "Acme Old", to: null }, slug: { from: "acme-old", to: null }, domains: { from: ["old.acme.example"], to: null } },
      },
    });
    await expectRefusal(removeWorkspace(id, officer), "WORKSPACE_NOT_FOUND");
  });

  it("refuses to remove a workspace that a request was referred through", async () => {
    const { id } = await addWorkspace(acme, workspaceInput({ name: "Acme Shop", slug: "acme-shop" }), officer);
    const request = await db.request.create({
      data: { reference: "DSR-CUST-0001", type: "ACCESS", country: "DE", jurisdiction: "GDPR", relationship: "CUSTOMER_END_USER", details: {} },
      select: { id: true },
    });
    await db.referral.create({ data: { requestId: request.id, customerId: acme, workspaceId: id, sentAt: new Date() } });
    const before = await db.customerEvent.count();
    await expect(removeWorkspace(id, officer)).rejects.toMatchObject({
      code: "WORKSPACE_HAS_REFERRALS",
      message: "“Acme Shop” can't be removed: a request was referred to the customer through it, and that record must stay. Edit its domains instead if they have moved.",
    });
    expect(await db.workspace.count({ where: { id } })).toBe(1);
    expect(await db.customerEvent.count()).toBe(before);
  });

  it("refuses workspace changes from a role that may only read", async () => {
    const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: "acme-shop" } });
    await expect(addWorkspace(acme, workspaceInput({ slug: "auditor-ws" }), auditor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateWorkspace(workspace.id, workspaceInput({ slug: "auditor-ws" }), auditor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(removeWorkspace(workspace.id, auditor)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("shows a customer with its workspaces, their referral counts and its history, newest first", async () => {
    const detail = await getCustomer(auditor, acme);
    expect(detail?.workspaces.map((w) => [w.slug, w._count.referrals])).toEqual([
      ["acme-desk", 0],
      ["acme-help", 0],
      ["acme-shop", 1],
    ]);
    expect(detail?.history.map((e) => e.action)).toEqual([
      "workspace.added",
      "workspace.removed",
      "workspace.added",
      "workspace.added",
      "workspace.updated",
      "workspace.added",
      "customer.created",
    ]);
    expect(detail?.history[0]!.actorEmail).toBe(officer.email);
    expect(await getCustomer(auditor, "not-a-uuid")).toBeNull();
  });

  it("keeps the audit trail append-only", async () => {
    await expect(db.customerEvent.deleteMany({ where: { customerId: acme } })).rejects.toThrow(/append-only/);
  });
});

describe("the customer list", () => {
  it("pages by legal name with a keyset cursor", async () => {
    const names = Array.from({ length: 55 }, (_, i) => `Zeta ${String(i).padStart(2, "0")} Ltd`);
    for (const legalName of names) await createCustomer(customerInput({ legalName }), officer);
    const first = await listCustomers(officer);
    expect(first.customers).toHaveLength(50);
    expect(first.nextCursor).toBe(first.customers.at(-1)!.id);
    const second = await listCustomers(officer, { after: first.nextCursor! });
    expect(second.nextCursor).toBeNull();
    const all = [...first.customers, ...second.customers].map((c) => c.legalName);
    expect(new Set(all).size).toBe(all.length);
    expect(all.slice(-55)).toEqual(names);
    expect(first.customers.find((c) => c.legalName === "Acme Support Ltd")?.workspaces.map((w) => w.slug)).toEqual(["acme-desk", "acme-help", "acme-shop"]);
  });
});
