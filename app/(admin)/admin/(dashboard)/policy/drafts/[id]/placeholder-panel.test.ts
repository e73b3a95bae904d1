import { describe, expect, it } from "vitest";
import { findSquarePlaceholders } from "@/lib/policy/placeholders";
import { initialChoice, mappingsFrom } from "./placeholder-panel";

describe("the placeholder panel's choices", () => {
  const found = findSquarePlaceholders("Write to [PRIVACY EMAIL] about [REPLY TIME] or [DPO EMAIL].");

  it("offers the obvious setting without choosing it: a suggestion maps nothing until confirmed", () => {
    const rows = { "[PRIVACY EMAIL]": initialChoice("[PRIVACY EMAIL]", undefined), "[REPLY TIME]": initialChoice("[REPLY TIME]", undefined) };
    expect(rows["[PRIVACY EMAIL]"]).toEqual({ choice: "privacyEmail", text: "", confirmed: false });
    expect(rows["[REPLY TIME]"]).toEqual({ choice: "", text: "", confirmed: false });
    expect(mappingsFrom(found, rows)).toEqual({});
    expect(mappingsFrom(found, { ...rows, "[PRIVACY EMAIL]": { ...rows["[PRIVACY EMAIL]"], confirmed: true } })).toEqual({ "[PRIVACY EMAIL]": { setting: "privacyEmail" } });
  });

  it("keeps what the draft saved, and maps a text only once it has some", () => {
    expect(initialChoice("[REPLY TIME]", { text: "30 days" })).toEqual({ choice: "text", text: "30 days", confirmed: true });
    expect(initialChoice("[DPO EMAIL]", { setting: "privacyEmail" })).toEqual({ choice: "privacyEmail", text: "", confirmed: true });
    const rows = { "[REPLY TIME]": { choice: "text" as const, text: "  ", confirmed: true }, "[DPO EMAIL]": { choice: "dpoEmail" as const, text: "", confirmed: true } };
    expect(mappingsFrom(found, rows)).toEqual({ "[DPO EMAIL]": { setting: "dpoEmail" } });
  });

  it("drops choices for placeholders no longer in the text", () => {
    expect(mappingsFrom(findSquarePlaceholders("Only [DPO EMAIL] now."), { "[PRIVACY EMAIL]": { choice: "privacyEmail", text: "", confirmed: true } })).toEqual({});
  });
});
