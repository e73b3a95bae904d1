import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_SYSTEMS } from "@/lib/demo/data-map";
import { categoryLabel, DATA_CATEGORIES, DATA_USES, dataUseLabel, isCategory, isDataUse, isPersonal, suggestCategories, suggestIdentity, useCovers } from "@/lib/datamap/taxonomy";

describe("the fideslang taxonomy", () => {
  it("holds every non-deprecated category of the reference data, with its parent", () => {
    expect(DATA_CATEGORIES).toHaveLength(85);
    expect(isCategory("user.contact.email")).toBe(true);
    expect(isCategory("user.contact.state")).toBe(false);
    expect(isCategory("data_category")).toBe(false);
    expect(DATA_CATEGORIES.find((c) => c.key === "user.name.first")).toEqual({ key: "user.name.first", name: "First Name", description: "Subject's first name.", parent: "user.name" });
    expect(DATA_CATEGORIES.find((c) => c.key === "user")?.parent).toBeNull();
  });

  it("is the committed output of the generator (regenerate with scripts/generate-taxonomy.ts)", () => {
    const keysOf = (csv: string, root: string) => {
      let source: string;
      try {
        source = readFileSync(path.resolve(import.meta.dirname, "../../../shared/reference/fideslang", csv), "utf8");
      } catch {
        return null; // the reference data is beside the repository only on the development machine
      }
      return [...new Set(source.split("\n").slice(1).map((l) => l.split(",")[0]).filter((k) => k && k !== root))].sort();
    };
    const categories = keysOf("data_categories.csv", "data_category");
    if (categories) expect(DATA_CATEGORIES.map((c) => c.key).sort()).toEqual(categories);
    const uses = keysOf("data_uses.csv", "data_use");
    if (uses) expect(DATA_USES.map((u) => u.key).sort()).toEqual(uses);
  });

  it("labels categories by name and key, and tells personal ones", () => {
    expect(categoryLabel("user.contact.email")).toBe("User Contact Email (user.contact.email)");
    expect(categoryLabel("made.up")).toBe("made.up");
    expect(isPersonal("user")).toBe(true);
    expect(isPersonal("user.financial")).toBe(true);
    expect(isPersonal("system.operations")).toBe(false);
    expect(isPersonal("username")).toBe(false);
  });

  it("holds fideslang's data uses, labelled by name and key", () => {
    expect(DATA_USES).toHaveLength(54);
    expect(isDataUse("marketing.communications.email")).toBe(true);
    expect(isDataUse("marketing")).toBe(true);
    expect(isDataUse("data_use")).toBe(false);
    expect(isDataUse("user.contact.email")).toBe(false);
    expect(DATA_USES.find((u) => u.key === "marketing.communications.email")?.parent).toBe("marketing.communications");
    expect(DATA_USES.find((u) => u.key === "marketing")?.parent).toBeNull();
    expect(dataUseLabel("marketing.communications.email")).toBe("Marketing Email Communications (marketing.communications.email)");
    expect(dataUseLabel("marketng")).toBe("marketng");
  });

  it("says a chosen use covers a system's use when it is the same or below it", () => {
    expect(useCovers("marketing", "marketing.communications.email")).toBe(true);
    expect(useCovers("marketing.communications", "marketing.communications")).toBe(true);
    expect(useCovers("marketing.communications.email", "marketing.communications")).toBe(false);
    expect(useCovers("marketing", "marketing_extra")).toBe(false);
    expect(useCovers("analytics", "marketing.communications.email")).toBe(false);
  });

  it("gives the demo map's systems data uses of the taxonomy only", () => {
    const uses = DEMO_SYSTEMS.flatMap((s) => s.dataUses ?? []);
    expect(uses.length).toBeGreaterThan(0);
    expect(uses.filter((u) => !isDataUse(u))).toEqual([]);
  });

  it("suggests categories and identities from column names", () => {
    expect(suggestCategories("email")).toEqual(["user.contact.email"]);
    expect(suggestCategories("billing_email")).toEqual(["user.contact.email"]);
    expect(suggestCategories("contactEmail")).toEqual(["user.contact.email"]);
    expect(suggestIdentity("email")).toBe("email");
    expect(suggestCategories("phone")).toEqual(["user.contact.phone_number"]);
    expect(suggestIdentity("mobile_number")).toBe("phone_number");
    expect(suggestCategories("first_name")).toEqual(["user.name.first"]);
    expect(suggestCategories("name")).toEqual(["user.name"]);
    expect(suggestCategories("created_at")).toEqual(["system.operations"]);
    expect(suggestCategories("body")).toEqual(["user.content.private"]);
    expect(suggestCategories("ip_address")).toEqual(["user.device.ip_address"]);
    expect(suggestCategories("widget_count")).toEqual([]);
    expect(suggestIdentity("name")).toBeNull();
    for (const guess of ["email", "phone", "first_name", "last_name", "name", "created_at", "zip", "dob", "iban", "avatar_url", "user_id", "password"]) {
      for (const key of suggestCategories(guess)) expect(isCategory(key), key).toBe(true);
    }
  });
});
