import { describe, expect, it } from "vitest";
import { statusLinkExpiry, statusLinkWorks, type StatusLinkFacts } from "@/lib/requests/status-link-lifetime";

const at = (iso: string) => new Date(iso);
const minted = at("2026-01-01T09:00:00Z");
const closed = at("2026-02-01T12:00:00Z");
const facts = (over: Partial<StatusLinkFacts> = {}): StatusLinkFacts => ({
  createdAt: minted,
  expiresAt: null,
  revokedAt: null,
  closedAt: closed,
  appealsClosedAt: [],
  ...over,
});

describe("statusLinkWorks", () => {
  it("never expires a link of an open request", () => {
    expect(statusLinkExpiry(facts({ closedAt: null }), 90)).toBeNull();
    expect(statusLinkWorks(facts({ closedAt: null }), at("2036-01-01T00:00:00Z"), 90)).toBe(true);
  });

  it("works until the given number of days after the request closed, and not a moment longer", () => {
    expect(statusLinkExpiry(facts(), 90)).toEqual(at("2026-05-02T12:00:00Z"));
    expect(statusLinkWorks(facts(), at("2026-05-02T11:59:59Z"), 90)).toBe(true);
    expect(statusLinkWorks(facts(), at("2026-05-02T12:00:00Z"), 90)).toBe(false);
    expect(statusLinkWorks(facts(), at("2026-02-08T12:00:00Z"), 7)).toBe(false);
  });

  it("gives a link minted after the close (a recovered one) the full period from its minting", () => {
    const recovered = facts({ createdAt: at("2026-06-01T08:00:00Z") });
    expect(statusLinkExpiry(recovered, 90)).toEqual(at("2026-08-30T08:00:00Z"));
    expect(statusLinkWorks(recovered, at("2026-08-30T07:00:00Z"), 90)).toBe(true);
  });

  it("keeps a refused request's page open while its appeal is open, and counts from the appeal's close", () => {
    expect(statusLinkWorks(facts({ appealsClosedAt: [null] }), at("2027-01-01T00:00:00Z"), 90)).toBe(true);
    const appealClosed = facts({ appealsClosedAt: [at("2026-04-01T00:00:00Z")] });
    expect(statusLinkExpiry(appealClosed, 90)).toEqual(at("2026-06-30T00:00:00Z"));
  });

  it("honours a revocation or an explicit expiry whatever the request's state", () => {
    expect(statusLinkWorks(facts({ closedAt: null, revokedAt: minted }), minted, 90)).toBe(false);
    expect(statusLinkWorks(facts({ closedAt: null, expiresAt: at("2026-01-02T00:00:00Z") }), at("2026-01-02T00:00:00Z"), 90)).toBe(false);
  });
});
