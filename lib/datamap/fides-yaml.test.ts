import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exportDataMap, parseDatasetFile } from "@/lib/datamap/fides-yaml";
import { DATA_USES } from "@/lib/datamap/taxonomy";
import type { MapSystem } from "@/lib/datamap/types";

const demo = readFileSync(path.join(import.meta.dirname, "testdata/fideslang-demo-dataset.yml"), "utf8");
const none = new Set<string>();
const defaults = { ownerEmail: "data@jexi.example", kind: "MANUAL" as const, purpose: "Analytics" };

const map: MapSystem[] = [
  {
    id: "s1",
    key: "product_db",
    name: "Product database",
    description: "Accounts and tickets",
    ownerEmail: "platform@jexi.example",
    purpose: "Running the product",
    thirdParty: false,
    noticeEmail: null,
    dataUses: [],
    kind: "POSTGRES",
    connection: { host: "db.internal", port: 5432, database: "product", user: "dsar_reader", ssl: true },
    hasSecret: true,
    collections: [
      {
        id: "c1",
        systemId: "s1",
        name: "users",
        description: null,
        workspaceField: null,
        http: null,
        fields: [
          { id: "f1", name: "id", description: null, categories: ["user.unique_id"], identity: null, primaryKey: true, referencesFieldId: null },
          {
            id: "f2",
            name: "email",
            description: "Sign-in address",
            categories: ["user.contact.email"],
            identity: "email",
            primaryKey: false,
            referencesFieldId: null,
            erasure: { strategy: "PSEUDONYMIZE", value: null, reason: null },
          },
        ],
      },
      {
        id: "c2",
        systemId: "s1",
        name: "tickets",
        description: "Support tickets",
        workspaceField: "workspace",
        http: null,
        fields: [
          { id: "f3", name: "requester_id", description: null, categories: [], identity: null, primaryKey: false, referencesFieldId: "f1" },
          { id: "f4", name: "workspace", description: null, categories: ["system.operations"], identity: null, primaryKey: false, referencesFieldId: null },
        ],
      },
    ],
  },
  {
    id: "s2",
    key: "billing_api",
    name: "Billing",
    description: null,
    ownerEmail: "finance@jexi.example",
    purpose: "Invoices",
    thirdParty: true,
    country: "Germany",
    noticeEmail: "privacy@billing.example",
    dataUses: ["essential.service.payment_processing"],
    kind: "HTTP",
    connection: { baseUrl: "https://billing.example.com/api", authHeader: "X-Api-Key", authPrefix: "" },
    hasSecret: true,
    collections: [
      {
        id: "c3",
        systemId: "s2",
        name: "contacts",
        description: null,
        workspaceField: null,
        http: { path: "/v1/contacts", params: { account: "account_id" }, recordsPath: "data", pagination: { type: "page", param: "page", size: 100 } },
        fields: [{ id: "f5", name: "account", description: null, categories: ["user.unique_id"], identity: null, primaryKey: false, referencesFieldId: "f1" }],
      },
    ],
  },
];

describe("exporting the map", () => {
  const text = exportDataMap(map);
  it("writes one Fides dataset per system, with fides_meta and our attributes under meta", () => {
    expect(text).toContain("fides_key: product_db");
    expect(text).toMatch(/- name: requester_id\n\s+data_categories: \[\]\n\s+fides_meta:\n\s+references:\n\s+- dataset: product_db\n\s+field: users.id\n\s+direction: from/);
    expect(text).toMatch(/identity: email/);
    expect(text).toMatch(/primary_key: true/);
    expect(text).toMatch(/kind: postgres\n\s+owner_email: platform@jexi.example/);
    expect(text).toMatch(/workspace_field: workspace/);
    expect(text).not.toMatch(/secret|password|hasSecret/);
  });

  it("reads back as the same map (round trip)", () => {
    const parsed = parseDatasetFile(text, {}, none);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const [product, billing] = parsed.systems;
    expect(product).toMatchObject({ key: "product_db", kind: "POSTGRES", thirdParty: false, connection: map[0]!.connection, description: "Accounts and tickets" });
    expect(product!.collections[1]).toEqual({
      name: "tickets",
      description: "Support tickets",
      workspaceField: "workspace",
      http: null,
      fields: [
        { name: "requester_id", description: null, categories: [], identity: null, primaryKey: false, references: { dataset: "product_db", collection: "users", field: "id" } },
        { name: "workspace", description: null, categories: ["system.operations"], identity: null, primaryKey: false, references: null },
      ],
    });
    expect(product!.collections[0]!.fields[1]!.erasure).toEqual({ strategy: "PSEUDONYMIZE", value: null, reason: null });
    expect(product!.collections[0]!.fields[0]!.erasure).toBeUndefined();
    expect(text).toMatch(/meta:\n\s+erasure:\n\s+email:\n\s+strategy: pseudonymize/);
    expect(billing).toMatchObject({ key: "billing_api", kind: "HTTP", thirdParty: true, country: "Germany", noticeEmail: "privacy@billing.example", connection: map[1]!.connection });
    expect(text).toMatch(/country: Germany\n\s+notice_email: privacy@billing.example\n\s+data_uses:\n\s+- essential.service.payment_processing/);
    expect(billing!.dataUses).toEqual(["essential.service.payment_processing"]);
    expect(product!.dataUses).toEqual([]);
    expect(product!.country).toBeNull();
    expect(product!.noticeEmail).toBeNull();
    expect(billing!.collections[0]!.http).toEqual(map[1]!.collections[0]!.http);
    expect(billing!.collections[0]!.fields[0]!.references).toEqual({ dataset: "product_db", collection: "users", field: "id" });
  });
});

describe("importing a Fides dataset", () => {
  it("lists the demo dataset's unknown category with its line and place, and nothing else", () => {
    const parsed = parseDatasetFile(demo, defaults, none);
    expect(parsed).toEqual({
      ok: false,
      problems: [{ line: 32, where: "demo_users_dataset.users.state", message: "Unknown data category “user.contact.state”: not a key of the fideslang taxonomy." }],
    });
    expect(demo.split("\n")[31]).toContain("user.contact.state");
  });

  it("imports the demo dataset once its category is a taxonomy key, with the form's owner and kind", () => {
    const parsed = parseDatasetFile(demo.replace("user.contact.state", "user.contact.address.state"), defaults, none);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.systems).toHaveLength(1);
    const [system] = parsed.systems;
    expect(system).toMatchObject({
      key: "demo_users_dataset",
      name: "Demo Users Dataset",
      ownerEmail: "data@jexi.example",
      kind: "MANUAL",
      purpose: "Data collected about users for our analytics system.",
      connection: undefined,
    });
    expect(system!.collections[0]!.fields.map((f) => [f.name, f.categories])).toEqual([
      ["created_at", ["system.operations"]],
      ["email", ["user.contact.email"]],
      ["first_name", ["user.name"]],
      ["food_preference", []],
      ["state", ["user.contact.address.state"]],
      ["uuid", ["user.unique_id"]],
    ]);
  });

  it("asks for the owner and kind of datasets without our meta instead of inventing them", () => {
    const parsed = parseDatasetFile(demo.replace("user.contact.state", "user"), {}, none);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual([
      { line: 3, where: "dataset demo_users_dataset", message: "This dataset has no meta saying who owns it and how it is reached: fill in the owner's email, the kind for such datasets on the import form." },
    ]);
  });

  it("reports every problem of the file at once: duplicates, bad references, identities, workspace fields, secrets", () => {
    const file = `dataset:
- fides_key: shop
  meta: { kind: postgres, owner_email: shop@jexi.example, purpose: Orders, connection: { host: db, port: 5432, database: shop, user: reader, password: hunter2 } }
  collections:
  - name: orders
    meta: { workspace_field: tenant }
    fields:
    - name: buyer
      data_categories: [user.unique_id]
      fides_meta: { identity: passport, references: [{ dataset: crm, field: people.id, direction: from }] }
    - name: buyer
    - name: total
      fides_meta: { references: [{ field: orders.total }] }
- fides_key: shop
  meta: { kind: oracle, owner_email: nobody, purpose: x }
  collections: []
`;
    const parsed = parseDatasetFile(file, {}, none);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => `${p.line} ${p.where}: ${p.message}`)).toEqual([
      "3 dataset shop: Secrets are never imported: remove the password or token from meta.connection and set it on the system's page.",
      "10 shop.orders.buyer: fides_meta.identity “passport”: Choose one of: email, phone_number, account_id",
      "11 shop.orders.buyer: The field “buyer” appears twice in shop.orders.",
      "6 shop.orders: meta.workspace_field “tenant” is not a field of this collection.",
      "14 dataset shop: The fides_key “shop” appears twice in the file.",
      "15 dataset shop: meta.kind “oracle” is not one of postgres, mysql, http, manual.",
      "15 dataset shop: meta.owner_email: Enter the owner's email address in the format name@example.com",
      "10 shop.orders.buyer: The reference points at crm.people.id, which is neither in this file nor in the data map.",
      "13 shop.orders.total: A field can't reference itself.",
    ]);
  });

  it("reads where a third party processes data and its notice address from meta, and refuses either when wrong, in words", () => {
    const file = (meta: string) => `dataset:
- fides_key: mailer
  meta: { kind: manual, owner_email: ops@jexi.example, purpose: Email, third_party: true, ${meta} }
  collections: []
`;
    const problems = (meta: string) => {
      const refused = parseDatasetFile(file(meta), {}, none);
      return refused.ok ? [] : refused.problems.map((p) => `${p.line} ${p.message}`);
    };
    const parsed = parseDatasetFile(file("country: ' Germany ', notice_email: ' Privacy@Mailer.Example '"), {}, none);
    expect(parsed.ok && parsed.systems[0]).toMatchObject({ thirdParty: true, country: "Germany", noticeEmail: "privacy@mailer.example" });
    expect(problems("country: [DE]")).toEqual(["3 meta.country must be text, such as United States."]);
    expect(problems("notice_email: privacy-at-mailer")).toEqual(["3 meta.notice_email: Enter the notice address in the format privacy@example.com, or leave it empty so the owner is told"]);
    expect(problems("notice_email: [privacy@mailer.example]")).toEqual(["3 meta.notice_email must be an email address, such as privacy@example.com."]);
  });

  it("reads a system's data uses from meta.data_uses, and refuses each unknown key on its line, in the form's words", () => {
    const file = (uses: string[]) => `dataset:
- fides_key: mailer
  meta:
    kind: manual
    owner_email: ops@jexi.example
    purpose: Email
    data_uses:
${uses.map((u) => `      - ${u}`).join("\n")}
  collections: []
`;
    const problems = (source: string) => {
      const refused = parseDatasetFile(source, {}, none);
      return refused.ok ? [] : refused.problems.map((p) => `${p.line} ${p.where}: ${p.message}`);
    };
    const parsed = parseDatasetFile(file(["marketing.communications.email", "analytics.reporting", "marketing.communications.email"]), {}, none);
    expect(parsed.ok && parsed.systems[0]!.dataUses).toEqual(["marketing.communications.email", "analytics.reporting"]);
    expect(problems(file(["marketing.communications.email", "marketng", "7"]))).toEqual([
      "9 dataset mailer: meta.data_uses: “marketng” is not a data use of the fideslang taxonomy: use keys from the list of data uses, such as marketing.communications.email.",
      "10 dataset mailer: meta.data_uses: each data use must be a key, such as marketing.communications.email.",
    ]);
    expect(problems(file(DATA_USES.slice(0, 21).map((u) => u.key)))).toEqual([
      "8 dataset mailer: meta.data_uses: List at most 20 data uses: a broader use covers the uses below it (marketing covers marketing.communications.email).",
    ]);
    expect(problems(file(["marketing"]).replace(/data_uses:\n\s+- marketing/, "data_uses: marketing"))).toEqual([
      "7 dataset mailer: meta.data_uses must be a list of data use keys, such as [marketing.communications.email].",
    ]);
  });

  it("accepts a reference to a field already in the map, and one written in the other direction", () => {
    const file = `dataset:
- fides_key: crm
  meta: { kind: manual, owner_email: crm@jexi.example, purpose: Sales }
  collections:
  - name: people
    fields:
    - name: id
      fides_meta: { references: [{ dataset: crm, field: notes.person_id, direction: to }] }
  - name: notes
    fields:
    - name: person_id
    - name: shop_buyer
      fides_meta: { references: [{ dataset: shop, field: orders.buyer }] }
`;
    const parsed = parseDatasetFile(file, {}, new Set(["shop.orders.buyer"]));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const notes = parsed.systems[0]!.collections[1]!.fields;
    expect(notes[0]!.references).toEqual({ dataset: "crm", collection: "people", field: "id" });
    expect(notes[1]!.references).toEqual({ dataset: "shop", collection: "orders", field: "buyer" });
  });

  it("reads what an erasure does to each field from the collection's meta, and names every mistake in it", () => {
    const file = `dataset:
  - fides_key: crm
    meta: { kind: postgres, owner_email: crm@jexi.example, purpose: Sales }
    collections:
      - name: contacts
        meta:
          erasure:
            email: { strategy: delete_row }
            invoice_address: { strategy: keep, reason: Invoices are kept 10 years for tax law }
            nickname: { strategy: fixed_value }
            phone: { strategy: shred }
            fax: { strategy: keep }
            missing: { strategy: set_null }
        fields:
          - { name: email, data_categories: [user.contact.email] }
          - { name: invoice_address, data_categories: [user.contact.address] }
          - { name: nickname, data_categories: [user.name] }
          - { name: phone, data_categories: [user.contact.phone_number] }
          - { name: fax, data_categories: [user.contact.fax_number] }
`;
    const parsed = parseDatasetFile(file, {}, none);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => [p.line, p.message])).toEqual([
      [10, "meta.erasure: value: Enter the value an erasure writes in place of the person's, such as “deleted user”"],
      [11, "meta.erasure: strategy must be one of delete_row, set_null, fixed_value, pseudonymize, keep"],
      [12, "meta.erasure: reason: Say why this personal field is kept after an erasure, such as “invoices are kept 10 years for tax law”"],
      [13, "meta.erasure names “missing”, which is not a field of this collection."],
    ]);
    const fixed = parseDatasetFile(file.replace(/\n\s+nickname: .*\n\s+phone: .*\n\s+fax: .*\n\s+missing: .*/, ""), {}, none);
    expect(fixed.ok).toBe(true);
    if (!fixed.ok) return;
    expect(fixed.systems[0]!.collections[0]!.fields.map((f) => [f.name, f.erasure ?? null])).toEqual([
      ["email", { strategy: "DELETE_ROW", value: null, reason: null }],
      ["invoice_address", { strategy: "KEEP", value: null, reason: "Invoices are kept 10 years for tax law" }],
      ["nickname", null],
      ["phone", null],
      ["fax", null],
    ]);
  });

  it("refuses YAML that is not a dataset file, with the line", () => {
    expect(parseDatasetFile("dataset:\n  - fides_key: [unclosed\n", {}, none)).toMatchObject({ ok: false, problems: [{ line: expect.any(Number), where: "file", message: expect.stringMatching(/^Not valid YAML: /) }] });
    expect(parseDatasetFile("system:\n- fides_key: x\n", {}, none)).toMatchObject({ ok: false, problems: [{ where: "file", message: "The file must hold a list under “dataset:”, as a Fides dataset file does." }] });
  });
});
