import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/actions/domain-error";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import {
  allowedStaffActions,
  appealAvailable,
  appealRefusal,
  assertTransition,
  canTransition,
  checkExtension,
  completionRefusal,
  isOpen,
  isUnfinished,
  MAX_PACKAGE_BYTES,
  OPEN_STATUSES,
  packageRefusal,
  TRANSITIONS,
  type RequestFacts,
} from "@/lib/requests/lifecycle";

const day = (ymd: string) => new Date(`${ymd}T00:00:00.000Z`);
const STATUSES: RequestStatus[] = [
  "PENDING_VERIFICATION",
  "RECEIVED",
  "IN_PROGRESS",
  "AWAITING_REQUESTER",
  "COMPLETED",
  "DENIED",
  "CLOSED_UNVERIFIED",
  "MERGED",
  "CLOSED_SPAM",
];

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? error.code : "NOT_A_DOMAIN_ERROR";
  }
  return undefined;
}

describe("the transition table", () => {
  it("names open statuses and only those", () => {
    expect(OPEN_STATUSES).toEqual(["RECEIVED", "IN_PROGRESS", "AWAITING_REQUESTER"]);
    expect(STATUSES.filter(isOpen)).toEqual(["RECEIVED", "IN_PROGRESS", "AWAITING_REQUESTER"]);
  });

  it("counts a request with the customer as unfinished, but not as open to the officer's own actions", () => {
    expect(isUnfinished("REFERRED")).toBe(true);
    expect(isOpen("REFERRED")).toBe(false);
    expect([...STATUSES, "REFERRED" as const].filter(isUnfinished)).toEqual(["RECEIVED", "IN_PROGRESS", "AWAITING_REQUESTER", "REFERRED"]);
    for (const action of ["complete", "deny", "extend", "acknowledge"] as const) expect(canTransition(action, "REFERRED"), action).toBe(false);
  });

  it("moves a received request into work, and only a received one", () => {
    expect(assertTransition("acknowledge", "RECEIVED")).toBe("IN_PROGRESS");
    for (const status of STATUSES.filter((s) => s !== "RECEIVED")) {
      expect(codeOf(() => assertTransition("acknowledge", status)), status).toBe("INVALID_TRANSITION");
    }
  });

  it("asks the requester from received or in progress, and their answer resumes the work", () => {
    expect(assertTransition("askForInformation", "RECEIVED")).toBe("AWAITING_REQUESTER");
    expect(assertTransition("askForInformation", "IN_PROGRESS")).toBe("AWAITING_REQUESTER");
    expect(canTransition("askForInformation", "AWAITING_REQUESTER")).toBe(false);
    expect(assertTransition("answer", "AWAITING_REQUESTER")).toBe("IN_PROGRESS");
    expect(canTransition("answer", "IN_PROGRESS")).toBe(false);
  });

  it("completes or denies any open request, never a closed or unverified one", () => {
    for (const status of STATUSES) {
      expect(canTransition("complete", status), status).toBe(isOpen(status));
      expect(canTransition("deny", status), status).toBe(isOpen(status));
    }
    expect(assertTransition("complete", "AWAITING_REQUESTER")).toBe("COMPLETED");
    expect(assertTransition("deny", "IN_PROGRESS")).toBe("DENIED");
    expect(codeOf(() => assertTransition("complete", "DENIED"))).toBe("INVALID_TRANSITION");
    expect(codeOf(() => assertTransition("deny", "COMPLETED"))).toBe("INVALID_TRANSITION");
  });

  it("keeps the status for actions that change no status", () => {
    expect(assertTransition("extend", "AWAITING_REQUESTER")).toBe("AWAITING_REQUESTER");
    expect(assertTransition("addNote", "COMPLETED")).toBe("COMPLETED");
    expect(assertTransition("assign", "PENDING_VERIFICATION")).toBe("PENDING_VERIFICATION");
    expect(canTransition("assign", "DENIED")).toBe(false);
    expect(assertTransition("appeal", "DENIED")).toBe("DENIED");
    expect(canTransition("downloadPackage", "COMPLETED")).toBe(true);
    expect(canTransition("downloadPackage", "IN_PROGRESS")).toBe(false);
  });

  it("leads only to statuses that exist and never back to verification", () => {
    for (const rule of Object.values(TRANSITIONS)) {
      expect(rule.to === null || STATUSES.includes(rule.to)).toBe(true);
      expect(rule.to).not.toBe("PENDING_VERIFICATION");
    }
  });
});

describe("checkExtension", () => {
  const gdpr = { status: "IN_PROGRESS", jurisdiction: "GDPR", type: "ACCESS", dueAt: day("2026-02-28"), extendedDueAt: null } as const;

  it("adds the regime's extension to the original due date", () => {
    expect(checkExtension(gdpr, day("2026-02-10"), "UTC")).toEqual({ ok: true, extendedDueAt: day("2026-04-28") });
  });

  it("still allows it on the due day itself, whatever the hour, and refuses the day after", () => {
    expect(checkExtension(gdpr, new Date("2026-02-28T23:59:59Z"), "UTC").ok).toBe(true);
    expect(checkExtension(gdpr, new Date("2026-03-01T00:00:00Z"), "UTC")).toEqual({ ok: false, code: "EXTENSION_TOO_LATE" });
  });

  it("ends the due day at midnight in the operator's time zone", () => {
    // 23:30 UTC on the due day is already 1 March in Berlin, and still 28 February in New York.
    const lateEvening = new Date("2026-02-28T23:30:00Z");
    expect(checkExtension(gdpr, lateEvening, "Europe/Berlin")).toEqual({ ok: false, code: "EXTENSION_TOO_LATE" });
    expect(checkExtension(gdpr, new Date("2026-03-01T03:00:00Z"), "America/New_York").ok).toBe(true);
  });

  it("allows one extension only", () => {
    expect(checkExtension({ ...gdpr, extendedDueAt: day("2026-04-28") }, day("2026-02-10"), "UTC")).toEqual({
      ok: false,
      code: "EXTENSION_ALREADY_USED",
    });
  });

  it("refuses where the law has no extension", () => {
    for (const jurisdiction of ["LGPD", "PDPA_SG", "QUEBEC", "OTHER"] as const) {
      expect(checkExtension({ ...gdpr, jurisdiction }, day("2026-02-10"), "UTC"), jurisdiction).toEqual({ ok: false, code: "EXTENSION_NOT_ALLOWED" });
    }
    expect(checkExtension({ ...gdpr, jurisdiction: "CCPA", type: "OPT_OUT_SALE" }, day("2026-02-10"), "UTC").ok).toBe(false);
    expect(checkExtension({ ...gdpr, jurisdiction: "US_STATE", type: "APPEAL" }, day("2026-02-10"), "UTC").ok).toBe(false);
    expect(checkExtension({ ...gdpr, dueAt: null }, day("2026-02-10"), "UTC").ok).toBe(false);
  });

  it("refuses closed requests first", () => {
    expect(checkExtension({ ...gdpr, status: "COMPLETED" }, day("2026-02-10"), "UTC")).toEqual({ ok: false, code: "INVALID_TRANSITION" });
  });
});

describe("appeals", () => {
  it("are available only under laws that give one, and not against an appeal's own answer", () => {
    expect(appealAvailable("US_STATE", "ACCESS")).toBe(true);
    expect(appealAvailable("US_STATE", "APPEAL")).toBe(false);
    expect(appealAvailable("CCPA", "ACCESS")).toBe(false);
    expect(appealAvailable("GDPR", "DELETION")).toBe(false);
  });

  it("need a denied request with no appeal yet", () => {
    const denied = { status: "DENIED", jurisdiction: "US_STATE", type: "DELETION", appeals: 0 } as const;
    expect(appealRefusal(denied)).toBeNull();
    expect(appealRefusal({ ...denied, appeals: 1 })).toBe("APPEAL_ALREADY_OPEN");
    expect(appealRefusal({ ...denied, status: "COMPLETED" })).toBe("APPEAL_NOT_AVAILABLE");
    expect(appealRefusal({ ...denied, jurisdiction: "LGPD" })).toBe("APPEAL_NOT_AVAILABLE");
  });
});

describe("packages and completion", () => {
  it("accepts a package only for access and export requests, up to 10 MB", () => {
    const ok = { status: "IN_PROGRESS", type: "ACCESS", size: MAX_PACKAGE_BYTES } as const;
    expect(packageRefusal(ok)).toBeNull();
    expect(packageRefusal({ ...ok, type: "PORTABILITY" })).toBeNull();
    expect(packageRefusal({ ...ok, type: "DELETION" })).toBe("PACKAGE_NOT_APPLICABLE");
    expect(packageRefusal({ ...ok, size: MAX_PACKAGE_BYTES + 1 })).toBe("PACKAGE_TOO_LARGE");
    expect(packageRefusal({ ...ok, size: 0 })).toBe("PACKAGE_EMPTY");
    expect(packageRefusal({ ...ok, status: "COMPLETED" })).toBe("INVALID_TRANSITION");
  });

  it("completes access requests with a package or a written answer, and the others with an outcome", () => {
    expect(completionRefusal({ status: "IN_PROGRESS", type: "ACCESS", packages: 0, outcome: undefined })).toBe("PACKAGE_REQUIRED");
    expect(completionRefusal({ status: "IN_PROGRESS", type: "ACCESS", packages: 0, outcome: "  " })).toBe("PACKAGE_REQUIRED");
    // An answer in words instead of a file: we hold nothing about them, say.
    expect(completionRefusal({ status: "IN_PROGRESS", type: "ACCESS", packages: 0, outcome: "We hold no data about you." })).toBeNull();
    expect(completionRefusal({ status: "IN_PROGRESS", type: "ACCESS", packages: 1, outcome: undefined })).toBeNull();
    expect(completionRefusal({ status: "IN_PROGRESS", type: "DELETION", packages: 0, outcome: "   " })).toBe("OUTCOME_REQUIRED");
    expect(completionRefusal({ status: "IN_PROGRESS", type: "DELETION", packages: 0, outcome: "Erased" })).toBeNull();
    expect(completionRefusal({ status: "DENIED", type: "DELETION", packages: 0, outcome: "Erased" })).toBe("INVALID_TRANSITION");
  });
});

describe("allowedStaffActions", () => {
  const facts: RequestFacts = {
    status: "RECEIVED",
    jurisdiction: "GDPR",
    type: "ACCESS",
    dueAt: day("2026-02-28"),
    extendedDueAt: null,
    packages: 0,
  };
  const now = day("2026-02-10");

  it("lists what a received access request allows: completing it too, with a package or an answer in words", () => {
    expect(allowedStaffActions(facts, now, "UTC")).toEqual(["acknowledge", "askForInformation", "extend", "attachPackage", "complete", "deny", "assign", "addNote", "markSpam"]);
  });

  it("offers merging and keeping both only for a flagged duplicate, and spam also before confirmation", () => {
    expect(allowedStaffActions({ ...facts, duplicateOfId: "00000000-0000-4000-8000-000000000001" }, now, "UTC")).toEqual(
      expect.arrayContaining(["merge", "keepBoth"]),
    );
    expect(allowedStaffActions({ ...facts, status: "REFERRED", duplicateOfId: "00000000-0000-4000-8000-000000000001" }, now, "UTC")).toEqual(
      ["keepBoth", "assign", "addNote"],
    );
    expect(allowedStaffActions({ ...facts, status: "PENDING_VERIFICATION" }, now, "UTC")).toEqual(["assign", "addNote", "markSpam"]);
    expect(allowedStaffActions({ ...facts, status: "MERGED", duplicateOfId: "00000000-0000-4000-8000-000000000001" }, now, "UTC")).toEqual(["addNote"]);
  });

  it("offers completion with the package there, and no second extension", () => {
    const actions = allowedStaffActions({ ...facts, status: "IN_PROGRESS", packages: 1, extendedDueAt: day("2026-04-28") }, now, "UTC");
    expect(actions).toEqual(["askForInformation", "attachPackage", "complete", "deny", "assign", "addNote", "markSpam"]);
  });

  it("leaves only notes on a closed request", () => {
    expect(allowedStaffActions({ ...facts, status: "DENIED" }, now, "UTC")).toEqual(["addNote"]);
  });

  it("never offers a package for other types, and no extension under LGPD", () => {
    const actions = allowedStaffActions({ ...facts, type: "DELETION", jurisdiction: "LGPD" }, now, "UTC");
    expect(actions).not.toContain("attachPackage");
    expect(actions).not.toContain("extend");
    expect(actions).toContain("complete");
  });
});
