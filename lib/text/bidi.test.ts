import { describe, expect, it } from "vitest";
import { revealBidiControls } from "@/lib/text/bidi";

describe("revealBidiControls", () => {
  it("shows an override as a visible marker, so the text keeps the order it was typed in", () => {
    expect(revealBidiControls("Ann\u202eevil")).toBe("Ann⟨U+202E⟩evil");
  });

  it("marks every embedding, override, isolate and directional mark", () => {
    const controls = ["\u061c", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"];
    const shown = revealBidiControls(controls.join(""));
    expect(shown).toBe("⟨U+061C⟩⟨U+200E⟩⟨U+200F⟩⟨U+202A⟩⟨U+202B⟩⟨U+202C⟩⟨U+202D⟩⟨U+202E⟩⟨U+2066⟩⟨U+2067⟩⟨U+2068⟩⟨U+2069⟩");
    expect(revealBidiControls(shown)).toBe(shown);
  });

  it("leaves right-to-left text and other scripts as they are", () => {
    for (const text of ["مرحبا بالعالم", "שלום", "Zoë Café", "first\nsecond"]) expect(revealBidiControls(text)).toBe(text);
  });
});
