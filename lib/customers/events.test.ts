import { describe, expect, it } from "vitest";
import { changedFields, describeChanges } from "@/lib/customers/events";

describe("customer audit changes", () => {
  it("records only the fields that differ, with before and after", () => {
    const before = { legalName: "Acme", privacyEmails: ["a@acme.example"], language: "en", dpaReference: null };
    expect(changedFields(before, { ...before })).toEqual({});
    expect(changedFields(before, { ...before, language: "de", privacyEmails: ["a@acme.example", "b@acme.example"] })).toEqual({
      language: { from: "en", to: "de" },
      privacyEmails: { from: ["a@acme.example"], to: ["a@acme.example", "b@acme.example"] },
    });
  });

  it("reads null before as created and null after as removed; an empty list as nothing", () => {
    expect(changedFields(null, { name: "Acme Help", slug: "acme-help", domains: [] })).toEqual({
      name: { from: null, to: "Acme Help" },
      slug: { from: null, to: "acme-help" },
    });
    expect(changedFields({ slug: "acme-help", domains: ["acme.example"] }, null)).toEqual({
      slug: { from: "acme-help", to: null },
      domains: { from: ["acme.example"], to: null },
    });
  });

  it("describes changes in words for the history", () => {
    expect(
      describeChanges({
        changed: { language: { from: "en", to: "de" }, domains: { from: null, to: ["a.example", "b.example"] }, dpaReference: { from: "DPA-1", to: null } },
      }),
    ).toEqual(["Language: English → German (Deutsch)", "Domains: a.example, b.example", "DPA reference: DPA-1 → none"]);
    expect(describeChanges(null)).toEqual([]);
  });
});
