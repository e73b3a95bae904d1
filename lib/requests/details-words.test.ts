import { describe, expect, it } from "vitest";
import { detailFacts, eventDataWords } from "@/lib/requests/details-words";

describe("stored facts in words", () => {
  it("reads a request's details as the form's questions and answers, never as keys and codes", () => {
    expect(detailFacts({ scope: "ALL" })).toEqual([["What should be deleted", "Everything about the requester"]]);
    expect(detailFacts({ processing: "AI_PROCESSING", reason: "I never agreed" })).toEqual([
      ["Processing objected to", "Processing by AI features (drafting, summaries, classification)"],
      ["Reason", "I never agreed"],
    ]);
    expect(detailFacts({ topics: "", ground: "ACCURACY_CONTESTED", somethingNew: "x", format: "CSV" })).toEqual([
      ["Ground for restriction", "I contest that the data is accurate"],
      ["Something new", "x"],
      ["File format", "CSV (for spreadsheets)"],
    ]);
    expect(detailFacts(null)).toEqual([]);
  });

  it("reads an event's data as labelled facts, leaving out ids and nested objects", () => {
    expect(eventDataWords({ type: "ACCESS", jurisdiction: "GDPR", relationship: "WEBSITE_VISITOR" })).toBe(
      "Type: Access my data · Law: GDPR (European Economic Area) · How they know us: I visited our website or contacted us",
    );
    expect(eventDataWords({ runId: "9b2c", newDueDate: "2026-12-23", systems: ["A", "B"], nested: { a: 1 }, sent: true })).toBe(
      "New due date: 23 Dec 2026 · Systems: A, B · Sent: Yes",
    );
    expect(eventDataWords({ runId: "x" })).toBeNull();
    expect(eventDataWords({ type: "ACCESS" })).not.toMatch(/[{}"]/);
  });
});
