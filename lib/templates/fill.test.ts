import { describe, expect, it } from "vitest";
import { fillTemplate, unknownPlaceholders } from "@/lib/templates/fill";

describe("saved texts' placeholders", () => {
  it("fills each known placeholder from the request, spaces inside the braces allowed, and leaves unknown ones as written", () => {
    expect(fillTemplate("Dear {{requesterName}}, about {{ reference }} (due {{dueDate}}, {{law}}): {{other}}", { requesterName: "Kim Lee", reference: "DSR-7K3M-Q9PX", dueDate: "4 January 2027", law: "GDPR (European Economic Area)" })).toBe(
      "Dear Kim Lee, about DSR-7K3M-Q9PX (due 4 January 2027, GDPR (European Economic Area)): {{other}}",
    );
    expect(fillTemplate("Dear {{requesterName}},", { requesterName: null })).toBe("Dear ,");
  });

  it("names the placeholders the portal does not know, once each", () => {
    expect(unknownPlaceholders("{{reference}} {{name}} {{ name }} {{ticket}}")).toEqual(["name", "ticket"]);
    expect(unknownPlaceholders("No placeholder")).toEqual([]);
  });
});
