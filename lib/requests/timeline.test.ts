import { describe, expect, it } from "vitest";
import { timelineEntry } from "@/lib/requests/timeline";

describe("timelineEntry for request handling", () => {
  it("words each public handling event for the requester", () => {
    expect(timelineEntry("request.acknowledged", {}).title).toBe("Work started");
    expect(timelineEntry("request.information_requested", { messageId: "m" }).detail).toContain("answer it on this page");
    expect(timelineEntry("request.information_provided", {}).title).toBe("You answered our question");
    expect(timelineEntry("request.appealed", {}).title).toBe("You appealed this decision");
    expect(timelineEntry("package.downloaded", { packageId: "p" }).title).toBe("Data downloaded");
  });

  it("gives the new deadline of an extension, never its reason", () => {
    const entry = timelineEntry("request.deadline_extended", { extendedDueDate: "2027-02-18", reason: "Secret detail" });
    expect(entry.detail).toBe("We need more time and will answer by 18 February 2027. We emailed you why.");
    expect(JSON.stringify(entry)).not.toContain("Secret");
  });

  it("points to the appeal only where there is one, and keeps the basis of a denial off the page", () => {
    expect(timelineEntry("request.denied", { appealAvailable: true, reason: "Basis" }).detail).toContain("You can appeal");
    const entry = timelineEntry("request.denied", { appealAvailable: false, reason: "Basis" });
    expect(entry.detail).not.toContain("appeal");
    expect(JSON.stringify(entry)).not.toContain("Basis");
  });

  it("says until when a package can be downloaded", () => {
    expect(timelineEntry("request.completed", { downloadUntil: "2026-12-29T10:00:00.000Z" }).detail).toBe(
      "Your data is ready to download on this page until 29 December 2026 at 10:00 UTC.",
    );
    expect(timelineEntry("request.completed", { outcome: "Erased" }).detail).toBe("We emailed you what we did.");
  });
});
