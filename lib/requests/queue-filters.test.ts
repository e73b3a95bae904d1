import { describe, expect, it } from "vitest";
import {
  decodeCursor,
  encodeCursor,
  hasFilters,
  normalizeSearch,
  parseQueueFilters,
  queueHref,
  searchKind,
  toSearchParams,
} from "@/lib/requests/queue-filters";

const ID = "3f2b8c1e-9d4a-4c7e-8b1a-2e5f6a7b8c9d";

describe("parseQueueFilters", () => {
  it("defaults to the due-date sort with nothing filtered", () => {
    expect(parseQueueFilters({})).toEqual({ sort: "due" });
    expect(parseQueueFilters(new URLSearchParams(""))).toEqual({ sort: "due" });
  });

  it("reads every filter from search parameters", () => {
    const filters = parseQueueFilters(
      new URLSearchParams({
        status: "IN_PROGRESS",
        type: "DELETION",
        jurisdiction: "CCPA",
        assignee: ID.toUpperCase(),
        due: "week",
        verified: "no",
        q: " DSR-7kq2-9xmd ",
        sort: "received",
      }),
    );
    expect(filters).toEqual({
      status: "IN_PROGRESS",
      type: "DELETION",
      jurisdiction: "CCPA",
      assignee: ID,
      due: "week",
      verified: "no",
      q: "DSR-7KQ2-9XMD",
      sort: "received",
    });
  });

  it("drops each invalid value on its own and keeps the valid ones", () => {
    const filters = parseQueueFilters({
      status: "ON_FIRE",
      type: "ACCESS",
      jurisdiction: "gdpr",
      assignee: "someone",
      due: "yesterday",
      verified: "maybe",
      q: "bo",
      sort: "random",
      cursor: "not-a-cursor!",
    });
    expect(filters).toEqual({ type: "ACCESS", sort: "due" });
  });

  it("treats empty values, as a GET form sends for 'any', as not set", () => {
    expect(parseQueueFilters({ status: "", type: "", assignee: "", q: "", sort: "" })).toEqual({ sort: "due" });
  });

  it("takes the first of repeated parameters", () => {
    expect(parseQueueFilters({ status: ["RECEIVED", "DENIED"], assignee: ["me", "none"] })).toMatchObject({ status: "RECEIVED", assignee: "me" });
  });

  it("accepts 'open' as a status: every request we still owe an answer", () => {
    expect(parseQueueFilters({ status: "open" }).status).toBe("open");
    expect(parseQueueFilters({ status: "OPEN" }).status).toBeUndefined();
  });

  it("reads the route and the referral state, and drops unknown ones", () => {
    expect(parseQueueFilters({ route: "UNRESOLVED", referral: "escalated" })).toEqual({ sort: "due", route: "UNRESOLVED", referral: "escalated" });
    expect(parseQueueFilters({ route: "unresolved", referral: "SENT" })).toEqual({ sort: "due" });
    expect(queueHref({ sort: "due", route: "CUSTOMER", referral: "awaiting" })).toBe("/admin/requests?route=CUSTOMER&referral=awaiting");
    expect(hasFilters({ sort: "due", referral: "closed" })).toBe(true);
  });

  it("accepts 'me' and 'none' as assignees", () => {
    expect(parseQueueFilters({ assignee: "me" }).assignee).toBe("me");
    expect(parseQueueFilters({ assignee: "none" }).assignee).toBe("none");
  });

  it("lower-cases an email search and upper-cases a reference", () => {
    expect(parseQueueFilters({ q: "Grace.Hopper@Example.TEST" }).q).toBe("grace.hopper@example.test");
    expect(parseQueueFilters({ q: "dsr-abcd-1234" }).q).toBe("DSR-ABCD-1234");
  });

  it("keeps a cursor only when it was made for the same sort", () => {
    const due = encodeCursor({ sort: "due", key: "2026-12-01", id: ID });
    expect(parseQueueFilters({ cursor: due }).cursor).toBe(due);
    expect(parseQueueFilters({ cursor: due, sort: "received" }).cursor).toBeUndefined();
  });
});

describe("normalizeSearch", () => {
  it("recognises whole references in Crockford's alphabet, anything else is a fragment", () => {
    expect(normalizeSearch("DSR-7KQ2-9XMD")).toEqual({ kind: "reference", value: "DSR-7KQ2-9XMD" });
    // I, L, O and U never appear in a reference: searched as a fragment, which finds none.
    expect(normalizeSearch("DSR-OOOO-1111")).toEqual({ kind: "text", value: "DSR-OOOO-1111" });
    expect(normalizeSearch("DSR-7KQ2")).toEqual({ kind: "text", value: "DSR-7KQ2" });
  });

  it("recognises a whole email address, and keeps a partial one as a fragment", () => {
    expect(normalizeSearch("ada@example.com")).toEqual({ kind: "email", value: "ada@example.com" });
    // Stored as the request form stores it: the domain in ASCII.
    expect(normalizeSearch("Ada@Bücher.de")).toEqual({ kind: "email", value: "ada@xn--bcher-kva.de" });
    expect(normalizeSearch("ada@")).toEqual({ kind: "text", value: "ada@" });
  });

  it("searches fragments of 3 to 254 characters, spaces folded, and nothing with control characters", () => {
    expect(normalizeSearch("  Grace   Hopper ")).toEqual({ kind: "text", value: "Grace Hopper" });
    expect(normalizeSearch("Ada")).toEqual({ kind: "text", value: "Ada" });
    expect(normalizeSearch(" ab ")).toBeNull();
    expect(normalizeSearch("   ")).toBeNull();
    expect(normalizeSearch(`${"a".repeat(250)}@example.com`)).toBeNull();
    expect(normalizeSearch("Ada\u0000Lovelace")).toBeNull();
  });

  it("tells which kind a normalised value is", () => {
    expect(searchKind("DSR-7KQ2-9XMD")).toBe("reference");
    expect(searchKind("ada@example.com")).toBe("email");
    expect(searchKind("ada@")).toBe("text");
    expect(searchKind("Lovelace")).toBe("text");
  });
});

describe("cursors", () => {
  it("round-trip a due date, the no-due-date key, and a received instant", () => {
    for (const cursor of [
      { sort: "due", key: "2026-02-28", id: ID },
      { sort: "due", key: "infinity", id: ID },
      { sort: "received", key: "2026-11-20T15:04:05.123Z", id: ID },
    ] as const) {
      const encoded = encodeCursor(cursor);
      expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(encoded, cursor.sort)).toEqual(cursor);
    }
  });

  it("refuse impossible dates, loose instants and bad ids", () => {
    const bad = [
      { sort: "due", key: "2026-02-30", id: ID },
      { sort: "due", key: "2026-13-40", id: ID },
      { sort: "received", key: "2026-13-40T00:00:00.000Z", id: ID },
      { sort: "due", key: "tomorrow", id: ID },
      { sort: "received", key: "2026-11-20", id: ID },
      { sort: "received", key: "2026-11-20T15:04:05Z", id: ID },
      { sort: "due", key: "2026-02-28", id: "1; DROP TABLE requests" },
    ] as const;
    for (const cursor of bad) expect(decodeCursor(encodeCursor(cursor), cursor.sort)).toBeNull();
    expect(decodeCursor("!!!", "due")).toBeNull();
    expect(decodeCursor(btoa("due~2026-02-28"), "due")).toBeNull();
  });
});

describe("links", () => {
  it("leave out defaults and unset filters", () => {
    expect(toSearchParams({ sort: "due" }).toString()).toBe("");
    expect(toSearchParams({ sort: "received", status: "RECEIVED", q: undefined }).toString()).toBe("status=RECEIVED&sort=received");
    expect(queueHref({ sort: "due" })).toBe("/admin/requests");
    expect(queueHref({ sort: "due", due: "overdue" })).toBe("/admin/requests?due=overdue");
  });

  it("parse back to the same filters", () => {
    const filters = parseQueueFilters({
      status: "AWAITING_REQUESTER",
      assignee: "none",
      verified: "yes",
      q: "ada@example.com",
      sort: "received",
      cursor: encodeCursor({ sort: "received", key: "2026-11-20T15:04:05.123Z", id: ID }),
    });
    expect(parseQueueFilters(toSearchParams(filters))).toEqual(filters);
  });

  it("keep the identity and made-by filters, and drop values they do not know", () => {
    expect(parseQueueFilters({ identity: "officer", filed: "AGENT" })).toEqual({ sort: "due", identity: "officer", filed: "AGENT" });
    expect(parseQueueFilters({ identity: "yes", filed: "SELF" })).toEqual({ sort: "due" });
    expect(toSearchParams({ sort: "due", filed: "PARENT" }).toString()).toBe("filed=PARENT");
  });

  it("know whether anything is filtered", () => {
    expect(hasFilters({ sort: "received", cursor: "x" })).toBe(false);
    expect(hasFilters({ sort: "due", verified: "no" })).toBe(true);
  });
});

describe("month filters", () => {
  it("keeps a calendar month and drops anything else", () => {
    expect(parseQueueFilters({ received: "2026-05", closed: "2025-12" })).toMatchObject({ received: "2026-05", closed: "2025-12" });
    for (const bad of ["2026-13", "2026-5", "26-05", "2026-05-01", "may"]) {
      expect(parseQueueFilters({ received: bad, closed: bad })).toEqual({ sort: "due" });
    }
    expect(queueHref({ received: "2026-05", sort: "received" })).toBe("/admin/requests?received=2026-05&sort=received");
  });
});
