import { describe, expect, it } from "vitest";
import { deriveChangeLog, recipientChange, type MapEventRow, type RecipientState } from "@/lib/recipients/change-log";

const mail: RecipientState = { name: "Mail provider", purpose: "Sending email", thirdParty: true, country: "United States" };
const internal: RecipientState = { name: "Product DB", purpose: "The product", thirdParty: false, country: null };

describe("recipientChange", () => {
  it("says a third party was added, removed, or which listed details changed", () => {
    expect(recipientChange(null, mail)).toEqual({ kind: "added", name: "Mail provider", purpose: "Sending email", country: "United States", changes: [] });
    expect(recipientChange(mail, null)).toMatchObject({ kind: "removed", name: "Mail provider" });
    expect(recipientChange(internal, { ...internal, thirdParty: true })).toMatchObject({ kind: "added", name: "Product DB" });
    expect(recipientChange(mail, { ...mail, thirdParty: false })).toMatchObject({ kind: "removed", name: "Mail provider" });
    expect(recipientChange(mail, { ...mail, country: "Germany", name: "Mail GmbH" })).toEqual({
      kind: "changed",
      name: "Mail GmbH",
      purpose: "Sending email",
      country: "Germany",
      changes: [
        { field: "name", from: "Mail provider", to: "Mail GmbH" },
        { field: "country", from: "United States", to: "Germany" },
      ],
    });
  });

  it("ignores internal systems and saves that change nothing listed", () => {
    expect(recipientChange(null, internal)).toBeNull();
    expect(recipientChange(internal, null)).toBeNull();
    expect(recipientChange(internal, { ...internal, purpose: "Other" })).toBeNull();
    expect(recipientChange(mail, { ...mail })).toBeNull();
    expect(recipientChange(mail, { ...mail, country: "" })).toMatchObject({ changes: [{ field: "country", from: "United States", to: null }] });
  });
});

let nextId = 100;
const event = (systemId: string, action: string, data: Record<string, unknown>, day: number): MapEventRow => ({
  id: String(nextId--),
  systemId,
  action,
  data,
  at: new Date(Date.UTC(2026, 10, day)),
});

describe("deriveChangeLog", () => {
  it("walks back from the map as it is, so an edit that names only the purpose is known to concern a third party", () => {
    const current = new Map<string, RecipientState>([
      ["a", { ...mail, purpose: "Sending all email", country: "Germany" }],
      ["b", { ...internal, purpose: "Now this" }],
    ]);
    // Newest first, as the page reads them.
    const events = [
      event("gone", "system.deleted", { key: "crm", name: "Old CRM", purpose: "Sales", thirdParty: true, country: "Ireland" }, 9),
      event("b", "system.updated", { changed: { purpose: { from: "The product", to: "Now this" } } }, 8),
      event("a", "system.updated", { changed: { purpose: { from: "Sending email", to: "Sending all email" } } }, 7),
      event("a", "map.imported", { key: "mail", created: false, changed: { country: { from: null, to: "Germany" } } }, 6),
      event("a", "system.updated", { changed: { thirdParty: { from: false, to: true } } }, 5),
      event("b", "system.created", { changed: { name: { from: null, to: "Product DB" } } }, 4),
      event("gone", "system.seeded", { key: "crm", collections: 1 }, 3),
      event("a", "system.created", { changed: { name: { from: null, to: "Mail provider" }, thirdParty: { from: null, to: false } } }, 2),
    ];
    const log = deriveChangeLog(current, events);
    expect(log.map((e) => [e.at.getUTCDate(), e.kind, e.name, e.changes.map((c) => `${c.field}: ${c.from} → ${c.to}`)])).toEqual([
      [9, "removed", "Old CRM", []],
      [7, "changed", "Mail provider", ["purpose: Sending email → Sending all email"]],
      [6, "changed", "Mail provider", ["country: null → Germany"]],
      [5, "added", "Mail provider", []],
      [3, "added", "Old CRM", []],
    ]);
    expect(log[3]).toMatchObject({ purpose: "Sending email", country: null });
    expect(log[4]).toMatchObject({ purpose: "Sales", country: "Ireland" });
  });

  it("reads a removal without the flag (recorded before the list existed) as not a third party, and stops at the limit", () => {
    const events = [event("x", "system.deleted", { key: "x", name: "X", collections: 0 }, 5), event("y", "system.deleted", { name: "Y", thirdParty: true }, 4), event("z", "system.deleted", { name: "Z", thirdParty: true }, 3)];
    expect(deriveChangeLog(new Map(), events).map((e) => e.name)).toEqual(["Y", "Z"]);
    expect(deriveChangeLog(new Map(), events, 1).map((e) => e.name)).toEqual(["Y"]);
  });
});
