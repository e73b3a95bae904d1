import { describe, expect, it } from "vitest";
import type { IdentityType, MapCollection, MapField, MapSystem, SystemKind } from "@/lib/datamap/types";
import { describePlan, buildPlan } from "@/lib/fulfillment/plan";

// A small map builder: fields written "name", "name:email" (identity) or "name->coll.field" (reference).
type Spec = Record<string, { kind?: SystemKind; collections: Record<string, { fields: string[]; workspace?: string }> }>;

function buildMap(spec: Spec): MapSystem[] {
  const systems: MapSystem[] = [];
  const refs: { field: MapField; target: string }[] = [];
  const fieldIds = new Map<string, string>();
  for (const [key, s] of Object.entries(spec)) {
    const collections: MapCollection[] = Object.entries(s.collections).map(([cname, c]) => ({
      id: `${key}.${cname}`,
      systemId: key,
      name: cname,
      description: null,
      workspaceField: c.workspace ?? null,
      http: null,
      fields: c.fields.map((f) => {
        const [head, target] = f.split("->");
        const [name, identity] = head!.split(":");
        const field: MapField = {
          id: `${key}.${cname}.${name}`,
          name: name!,
          description: null,
          categories: [],
          identity: (identity ?? null) as IdentityType | null,
          primaryKey: name === "id",
          referencesFieldId: null,
        };
        fieldIds.set(`${cname}.${name}`, field.id);
        if (target) refs.push({ field, target });
        return field;
      }),
    }));
    systems.push({
      id: key,
      key,
      name: key[0]!.toUpperCase() + key.slice(1),
      description: null,
      ownerEmail: `${key}@example.test`,
      purpose: "Support",
      thirdParty: false,
      noticeEmail: null,
      dataUses: [],
      kind: s.kind ?? "POSTGRES",
      connection: null,
      hasSecret: false,
      collections,
    });
  }
  for (const { field, target } of refs) field.referencesFieldId = fieldIds.get(target)!;
  return systems;
}

const names = (plan: ReturnType<typeof buildPlan>) => plan.systems.map((s) => [s.name, s.collections.map((c) => c.name)]);

describe("buildPlan", () => {
  it("follows references several levels deep, from the referenced rows to those pointing at them", () => {
    const map = buildMap({
      app: {
        collections: {
          users: { fields: ["id", "email:email"] },
          conversations: { fields: ["id", "user_id->users.id"] },
          messages: { fields: ["id", "conversation_id->conversations.id", "body"] },
        },
      },
    });
    const plan = buildPlan({ systems: map, identityTypes: ["email"], kind: "ACCESS" });
    expect(names(plan)).toEqual([["App", ["users", "conversations", "messages"]]]);
    const messages = plan.systems[0]!.collections[2]!;
    expect(messages.lookups).toEqual([
      {
        fieldId: "app.messages.conversation_id",
        field: "conversation_id",
        from: { type: "field", systemId: "app", collectionId: "app.conversations", collection: "conversations", fieldId: "app.conversations.id", field: "id" },
      },
    ]);
    expect(describePlan(plan).systems[0]!.lines).toEqual([
      "users by email (email)",
      "conversations by user_id from users.id",
      "messages by conversation_id from conversations.id",
    ]);
  });

  it("orders systems by what they need and describes cross-system lookups", () => {
    const map = buildMap({
      helpdesk: { collections: { tickets: { fields: ["id", "requester_id->users.id"] } } },
      app: { collections: { users: { fields: ["id", "email:email"] } } },
    });
    const plan = buildPlan({ systems: map, identityTypes: ["email"], kind: "ACCESS" });
    expect(names(plan)).toEqual([
      ["App", ["users"]],
      ["Helpdesk", ["tickets"]],
    ]);
    expect(plan.systems[1]!.dependsOn).toEqual(["app"]);
    expect(plan.systems.map((s) => s.position)).toEqual([0, 1]);
    expect(describePlan(plan).systems[1]!.lines).toEqual(["After App.", "tickets by requester_id from App: users.id"]);
  });

  it("ends a cycle of references where it closes", () => {
    const map = buildMap({
      app: {
        collections: {
          users: { fields: ["id", "email:email", "best_friend_id->users.id", "team_id->teams.id"] },
          teams: { fields: ["id", "owner_id->users.id"] },
        },
      },
    });
    const plan = buildPlan({ systems: map, identityTypes: ["email"], kind: "ACCESS" });
    expect(names(plan)).toEqual([["App", ["users", "teams"]]]);
    // users is never looked up again from teams: it was visited first.
    expect(plan.systems[0]!.collections[0]!.lookups.map((l) => l.field)).toEqual(["email"]);
    expect(plan.systems[0]!.collections[1]!.lookups.map((l) => l.field)).toEqual(["id", "owner_id"]);
  });

  it("breaks a cycle between systems in discovery order and says what it left out", () => {
    const map = buildMap({
      a: { collections: { users: { fields: ["id", "email:email"] }, notes: { fields: ["id", "ticket_id->tickets.id"] } } },
      b: { collections: { tickets: { fields: ["id", "user_id->users.id", "agent_note_id"] }, extra: { fields: ["id", "email:email", "note_id->notes.id"] } } },
    });
    const plan = buildPlan({ systems: map, identityTypes: ["email"], kind: "ACCESS" });
    expect(plan.systems.map((s) => s.name)).toEqual(["A", "B"]);
    expect(plan.systems[0]!.dependsOn).toEqual([]);
    expect(plan.systems[1]!.dependsOn).toEqual(["a"]);
    expect(names(plan)).toEqual([
      ["A", ["users"]],
      ["B", ["extra", "tickets"]],
    ]);
    expect(plan.notes).toHaveLength(1);
    expect(plan.notes[0]).toContain("A: notes is not searched");
  });

  it("only uses the identities we have, and skips the unreachable with a reason", () => {
    const map = buildMap({
      app: { collections: { users: { fields: ["id", "email:email"] } } },
      phones: { collections: { calls: { fields: ["id", "number:phone_number"] } } },
      empty: { collections: {} },
    });
    const plan = buildPlan({ systems: map, identityTypes: ["email"], kind: "ACCESS" });
    expect(plan.systems.map((s) => s.name)).toEqual(["App"]);
    expect(plan.skipped.map((s) => [s.name, s.reason])).toEqual([
      ["Phones", "No collection holds one of the identities searched for (email) or references a collection that does."],
      ["Empty", "No collections are mapped."],
    ]);
    const withPhone = buildPlan({ systems: map, identityTypes: ["email", "phone_number"], kind: "ACCESS" });
    expect(withPhone.systems.map((s) => s.name)).toEqual(["App", "Phones"]);
  });

  it("always gives a manual system a task, after the connected ones", () => {
    const map = buildMap({
      finance: { kind: "MANUAL", collections: { invoices: { fields: ["customer_email"] } } },
      app: { collections: { users: { fields: ["id", "email:email"] } } },
    });
    const plan = buildPlan({ systems: map, identityTypes: ["email"], kind: "EXPORT" });
    expect(names(plan)).toEqual([
      ["App", ["users"]],
      ["Finance", ["invoices"]],
    ]);
    expect(describePlan(plan).systems[1]!.lines).toEqual(["Its owner is emailed a link to look for invoices and answer."]);
  });

  it("scopes a workspace export to workspace content and what leads to it", () => {
    const map = buildMap({
      app: {
        collections: {
          users: { fields: ["id", "email:email"] },
          billing: { fields: ["id", "user_id->users.id"] },
          messages: { fields: ["id", "author_id->users.id", "workspace"], workspace: "workspace" },
        },
      },
      finance: { kind: "MANUAL", collections: { invoices: { fields: ["customer_email"] } } },
      crm: { collections: { leads: { fields: ["id", "email:email"] } } },
    });
    const plan = buildPlan({ systems: map, identityTypes: ["email"], kind: "WORKSPACE_EXPORT" });
    expect(names(plan)).toEqual([["App", ["users", "messages"]]]);
    expect(plan.systems[0]!.collections.map((c) => [c.name, c.inPackage, c.workspaceScoped])).toEqual([
      ["users", false, false],
      ["messages", true, true],
    ]);
    expect(plan.skipped.map((s) => [s.name, s.reason])).toEqual([
      ["Finance", "It holds no workspace content."],
      ["Crm", "It holds no workspace content."],
    ]);
  });

  it("reaches the row a found record points at, but not that row's other children", () => {
    const map = buildMap({
      app: {
        collections: {
          accounts: { fields: ["id", "company"] },
          members: { fields: ["id", "account_id->accounts.id", "email:email"] },
          invoices: { fields: ["id", "account_id->accounts.id"] },
          regions: { fields: ["id"] },
        },
      },
    });
    accountsHaveRegion(map);
    const plan = buildPlan({ systems: map, identityTypes: ["email"], kind: "ACCESS" });
    // The member's account (and, further up, its region), never the account's invoices or other members.
    expect(names(plan)).toEqual([["App", ["members", "accounts", "regions"]]]);
    expect(describePlan(plan).systems[0]!.lines).toEqual([
      "members by email (email)",
      "accounts by id from members.account_id",
      "regions by id from accounts.region_id",
    ]);
  });

  it("leaves customer workspace content out of access and export runs, and says who answers for it", () => {
    const map = buildMap({
      app: {
        collections: {
          users: { fields: ["id", "email:email"] },
          end_users: { fields: ["id", "email:email", "workspace"], workspace: "workspace" },
          messages: { fields: ["id", "end_user_id->end_users.id", "workspace"], workspace: "workspace" },
        },
      },
      widget: { collections: { chats: { fields: ["id", "email:email", "workspace"], workspace: "workspace" } } },
      support: { kind: "MANUAL", collections: { inbox: { fields: ["from"], workspace: "workspace" } } },
    });
    for (const kind of ["ACCESS", "EXPORT"] as const) {
      const plan = buildPlan({ systems: map, identityTypes: ["email"], kind });
      expect(names(plan)).toEqual([["App", ["users"]]]);
      expect(plan.notes).toEqual([
        "App: end_users, messages are customer workspace content and not searched: the customer who controls it answers for it (route the request to the customer, who can ask for a workspace export).",
        "Widget: chats is customer workspace content and not searched: the customer who controls it answers for it (route the request to the customer, who can ask for a workspace export).",
        "Support: inbox is customer workspace content and not searched: the customer who controls it answers for it (route the request to the customer, who can ask for a workspace export).",
      ]);
      expect(plan.skipped.map((s) => [s.name, s.reason])).toEqual([
        ["Support", "It holds only customer workspace content, which the customer who controls it answers for."],
        ["Widget", "It holds only customer workspace content, which the customer who controls it answers for."],
      ]);
    }
    const workspace = buildPlan({ systems: map, identityTypes: ["email"], kind: "WORKSPACE_EXPORT" });
    expect(names(workspace)).toEqual([
      ["App", ["end_users", "messages"]],
      ["Widget", ["chats"]],
      ["Support", ["inbox"]],
    ]);
  });

  it("plans an erasure over the SQL systems only, and names the others as erased by hand", () => {
    const map = buildMap({
      app: { collections: { users: { fields: ["id", "email:email"] } } },
      billing: { kind: "HTTP", collections: { contacts: { fields: ["id", "email:email"] } } },
      finance: { kind: "MANUAL", collections: { invoices: { fields: ["customer_email"] } } },
    });
    const plan = buildPlan({ systems: map, identityTypes: ["email"], kind: "ERASURE" });
    expect(names(plan)).toEqual([["App", ["users"]]]);
    expect(plan.skipped.map((s) => s.name).sort()).toEqual(["Billing", "Finance"]);
    for (const s of plan.skipped) expect(s.reason).toMatch(/^The portal cannot erase in this system itself: its owner is emailed a task to erase/);
  });

  it("holds no personal data: only ids, names and identity types", () => {
    const map = buildMap({ app: { collections: { users: { fields: ["id", "email:email"] } } } });
    const text = JSON.stringify(buildPlan({ systems: map, identityTypes: ["email"], kind: "ACCESS" }));
    expect(text).not.toContain("@");
  });
});

/** accounts.region_id -> regions.id, added after the builder so the chain goes two levels up. */
function accountsHaveRegion(map: MapSystem[]) {
  const app = map[0]!;
  const accounts = app.collections.find((c) => c.name === "accounts")!;
  const regions = app.collections.find((c) => c.name === "regions")!;
  accounts.fields.push({ id: "app.accounts.region_id", name: "region_id", description: null, categories: [], identity: null, primaryKey: false, referencesFieldId: regions.fields[0]!.id });
}
