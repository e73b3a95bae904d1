import { describe, expect, it } from "vitest";
import {
  AutoRunSchema,
  CollectionSchema,
  FieldSchema,
  HttpCollectionSchema,
  HttpConnectionSchema,
  SqlConnectionSchema,
  SystemSchema,
} from "@/lib/datamap/schema";
import { DATA_USES } from "@/lib/datamap/taxonomy";

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).toReversed().map((i) => [i.path.join("."), i.message])); // the first message per field, as the form shows it

describe("system form", () => {
  const valid = { key: "billing_db", name: "Billing", description: "", ownerEmail: " Finance@Jexi.Example ", purpose: "Invoices", kind: "POSTGRES" };
  it("normalises what was typed", () => {
    expect(SystemSchema.parse({ ...valid, thirdParty: "on" })).toEqual({
      key: "billing_db",
      name: "Billing",
      description: null,
      ownerEmail: "finance@jexi.example",
      purpose: "Invoices",
      thirdParty: true,
      country: null,
      noticeEmail: null,
      dataUses: [],
      kind: "POSTGRES",
    });
    expect(SystemSchema.parse(valid).thirdParty).toBe(false);
    expect(SystemSchema.parse({ ...valid, country: "  United States " }).country).toBe("United States");
  });
  it("reads a third party's notice address as an email address, and empty as none (the owner is told)", () => {
    expect(SystemSchema.parse({ ...valid, noticeEmail: " Privacy@Mailer.Example " }).noticeEmail).toBe("privacy@mailer.example");
    expect(SystemSchema.parse({ ...valid, noticeEmail: "   " }).noticeEmail).toBeNull();
    expect(messages(SystemSchema.safeParse({ ...valid, noticeEmail: "privacy at mailer" }))).toEqual({
      noticeEmail: "Enter the notice address in the format privacy@example.com, or leave it empty so the owner is told",
    });
    expect(messages(SystemSchema.safeParse({ ...valid, noticeEmail: `${"a".repeat(65)}@mailer.example` }))).toEqual({
      noticeEmail: "The part before the @ can be at most 64 characters.",
    });
  });
  it("reads data uses as fideslang keys in order, a repeated key once, and names an unknown one", () => {
    expect(SystemSchema.parse({ ...valid, dataUses: " marketing.communications.email, analytics.reporting\nmarketing.communications.email" }).dataUses).toEqual([
      "marketing.communications.email",
      "analytics.reporting",
    ]);
    expect(SystemSchema.parse({ ...valid, dataUses: "  " }).dataUses).toEqual([]);
    expect(messages(SystemSchema.safeParse({ ...valid, dataUses: "marketng, analytics" }))).toEqual({
      dataUses: "“marketng” is not a data use of the fideslang taxonomy: use keys from the list of data uses, such as marketing.communications.email",
    });
    expect(messages(SystemSchema.safeParse({ ...valid, dataUses: "marketng; data_use" }))).toEqual({
      dataUses: "“marketng”, “data_use” are not data uses of the fideslang taxonomy: use keys from the list of data uses, such as marketing.communications.email",
    });
  });
  it("takes at most 20 data uses", () => {
    const keys = DATA_USES.map((u) => u.key);
    expect(SystemSchema.parse({ ...valid, dataUses: keys.slice(0, 20).join(", ") }).dataUses).toHaveLength(20);
    expect(messages(SystemSchema.safeParse({ ...valid, dataUses: keys.slice(0, 21).join(", ") }))).toEqual({
      dataUses: "List at most 20 data uses: a broader use covers the uses below it (marketing covers marketing.communications.email)",
    });
  });
  it("says what is wrong with each field", () => {
    expect(messages(SystemSchema.safeParse({ ...valid, key: "billing db", ownerEmail: "finance", kind: "ORACLE", purpose: " " }))).toEqual({
      key: "Use letters, digits, dots, hyphens and underscores only (as a Fides dataset key)",
      ownerEmail: "Enter the owner's email address in the format name@example.com",
      purpose: "Say what the system is used for",
      kind: "Choose how the system is reached",
    });
  });
});

describe("connection forms", () => {
  it("reads a SQL connection with a numeric port and optional schema", () => {
    expect(SqlConnectionSchema.parse({ host: "db.internal", port: "5432", database: "product", user: "dsar_reader", schema: "", ssl: "on" })).toEqual({
      host: "db.internal",
      port: 5432,
      database: "product",
      user: "dsar_reader",
      ssl: true,
    });
    expect(messages(SqlConnectionSchema.safeParse({ host: "db internal", port: "70000", database: "", user: "u" }))).toEqual({
      host: "Enter a host name or IP address, such as db.internal or 10.0.0.5",
      port: "Enter a port between 1 and 65535",
      database: "Enter the database name",
    });
  });
  it("reads an HTTP connection, keeping the prefix's space and refusing credentials in the URL", () => {
    expect(HttpConnectionSchema.parse({ baseUrl: "https://billing.example.com/api/", authHeader: "", authPrefix: "Token ", timeoutMs: "", requestsPerSecond: "2.5" })).toEqual({
      baseUrl: "https://billing.example.com/api",
      authPrefix: "Token ",
      requestsPerSecond: 2.5,
    });
    expect(HttpConnectionSchema.parse({ baseUrl: "https://billing.example.com", authHeader: "X-Api-Key", authPrefix: "" })).toMatchObject({ authHeader: "X-Api-Key", authPrefix: "" });
    expect(HttpConnectionSchema.safeParse({ baseUrl: "https://user:pw@billing.example.com" }).success).toBe(false);
    expect(HttpConnectionSchema.safeParse({ baseUrl: "ftp://billing.example.com" }).success).toBe(false);
  });
});

describe("field form", () => {
  it("takes known category keys separated by commas or lines, without repeats", () => {
    expect(FieldSchema.parse({ name: "email", categories: "user.contact.email, user.contact.email\nuser.name", identity: "email", primaryKey: "on", referencesFieldId: "" })).toEqual({
      name: "email",
      description: null,
      categories: ["user.contact.email", "user.name"],
      identity: "email",
      primaryKey: true,
      referencesFieldId: null,
      erasureStrategy: null,
      erasureValue: null,
      retentionReason: null,
      correctable: false,
    });
  });
  it("takes an erasure strategy with its value or reason, and keeps only the one it uses", () => {
    const field = { name: "vat_number", categories: "user.financial" };
    expect(messages(FieldSchema.safeParse({ ...field, erasureStrategy: "KEEP" }))).toEqual({
      retentionReason: "Say why this personal field is kept after an erasure, such as “invoices are kept 10 years for tax law”",
    });
    expect(messages(FieldSchema.safeParse({ ...field, erasureStrategy: "FIXED_VALUE", erasureValue: " " }))).toEqual({
      erasureValue: "Enter the value an erasure writes in place of the person's, such as “deleted user”",
    });
    expect(messages(FieldSchema.safeParse({ ...field, erasureStrategy: "SHRED" }))).toEqual({ erasureStrategy: "Choose what an erasure does to this field" });
    expect(FieldSchema.parse({ ...field, erasureStrategy: "KEEP", retentionReason: "Tax law: 10 years", erasureValue: "left over" })).toMatchObject({
      erasureStrategy: "KEEP",
      retentionReason: "Tax law: 10 years",
      erasureValue: null,
    });
    // What is not personal is kept without a reason.
    expect(FieldSchema.parse({ name: "plan", categories: "system.operations", erasureStrategy: "KEEP" }).retentionReason).toBeNull();
  });
  it("names the unknown categories and refuses an unknown identity", () => {
    expect(messages(FieldSchema.safeParse({ name: "state", categories: "user.contact.state user.nmae user.name", identity: "passport" }))).toEqual({
      categories: "Unknown data categories: user.contact.state, user.nmae. Use keys of the fideslang taxonomy, such as user.contact.email",
      identity: "Choose one of: email, phone_number, account_id",
    });
    expect(messages(FieldSchema.safeParse({ name: "a.b" }))).toEqual({ name: "Use letters, digits, underscores, hyphens and $ only in the field name" });
  });
});

describe("collection forms", () => {
  it("takes an optional workspace field", () => {
    expect(CollectionSchema.parse({ name: "tickets", description: "", workspaceField: "" })).toEqual({ name: "tickets", description: null, workspaceField: null });
    expect(CollectionSchema.parse({ name: "tickets", workspaceField: "workspace_slug" }).workspaceField).toBe("workspace_slug");
  });
  it("builds the HTTP lookup with its pagination, and asks for what each pagination needs", () => {
    expect(
      HttpCollectionSchema.parse({ path: "/v1/contacts", params: "email=email_address", recordsPath: "data.items", paginationType: "cursor", paginationParam: "cursor", nextPath: "meta.next" }),
    ).toEqual({ path: "/v1/contacts", params: { email: "email_address" }, recordsPath: "data.items", pagination: { type: "cursor", param: "cursor", nextPath: "meta.next" } });
    expect(messages(HttpCollectionSchema.safeParse({ path: "v1", paginationType: "page", paginationParam: "", params: "email" }))).toEqual({
      path: "Enter a path starting with /, such as /v1/contacts (no query)",
      params: "“email” is not field=parameter, such as email=email_address",
    });
    expect(messages(HttpCollectionSchema.safeParse({ path: "/v1", paginationType: "page", paginationParam: "" }))).toEqual({
      paginationParam: "Enter the query parameter that carries the cursor or page",
      pageSize: "Enter the page size",
    });
  });
});

describe("automatic runs", () => {
  it("takes access and export requests only", () => {
    expect(AutoRunSchema.parse({ autoRunTypes: ["ACCESS", "PORTABILITY"] })).toEqual({ autoRunTypes: ["ACCESS", "PORTABILITY"] });
    expect(AutoRunSchema.parse({})).toEqual({ autoRunTypes: [] });
    expect(AutoRunSchema.safeParse({ autoRunTypes: "DELETION" }).success).toBe(false);
  });
});
