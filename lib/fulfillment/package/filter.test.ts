import { describe, expect, it } from "vitest";
import { fieldInPackage, packageFields, pickFields } from "@/lib/fulfillment/package/filter";

const field = (name: string, categories: string[]) => ({
  id: name,
  name,
  description: null,
  categories,
  identity: null,
  primaryKey: false,
  referencesFieldId: null,
});

const fields = [
  field("id", ["system.operations"]),
  field("email", ["user.contact.email"]),
  field("body", ["user.content.communications"]),
  field("last_ip", ["user.device.ip_address"]),
  field("plan", ["user.financial.account_number"]),
  field("country", ["user.demographic"]),
  field("notes", []),
];

describe("packageFields", () => {
  it("gives an access request every personal field", () => {
    expect(packageFields("ACCESS", { fields, workspaceField: null }).map((f) => f.name)).toEqual(["email", "body", "last_ip", "plan", "country"]);
  });

  it("gives an export only what the person provided, not what we observed", () => {
    expect(packageFields("EXPORT", { fields, workspaceField: null }).map((f) => f.name)).toEqual(["email", "body", "plan", "country"]);
    expect(fieldInPackage("EXPORT", field("x", ["user.contactless"]))).toBe(false);
    expect(fieldInPackage("EXPORT", field("x", ["user.name"]))).toBe(true);
  });

  it("gives a workspace export every mapped field of workspace content and nothing else", () => {
    expect(packageFields("WORKSPACE_EXPORT", { fields, workspaceField: "workspace" })).toHaveLength(fields.length);
    expect(packageFields("WORKSPACE_EXPORT", { fields, workspaceField: null })).toEqual([]);
  });
});

describe("pickFields", () => {
  it("keeps only the package's fields, in their order, null where absent", () => {
    expect(pickFields({ secret: "x", body: "hi", email: "a@b.c" }, [field("email", []), field("body", []), field("plan", [])])).toEqual({
      email: "a@b.c",
      body: "hi",
      plan: null,
    });
  });
});
