import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacter, noControlCharacters, withoutControlCharacters } from "@/lib/text/control-characters";

describe("hasControlCharacter", () => {
  it("finds C0, DEL and C1 controls, the null byte always", () => {
    for (const c of ["\u0000", "\u0001", "\u001b", "\u007f", "\u0085", "\u009f"]) {
      expect(hasControlCharacter(`a${c}b`), JSON.stringify(c)).toBe(true);
      expect(hasControlCharacter(`a${c}b`, true), JSON.stringify(c)).toBe(true);
    }
  });

  it("allows tabs and line breaks only in multi-line text", () => {
    expect(hasControlCharacter("a\tb\r\nc")).toBe(true);
    expect(hasControlCharacter("a\tb\r\nc", true)).toBe(false);
  });

  it("leaves ordinary text of any script alone", () => {
    expect(hasControlCharacter("Zoë Café, 東京, مرحبا, Ann\u00a0Lee")).toBe(false);
  });
});

describe("withoutControlCharacters", () => {
  it("drops them from a search term", () => {
    expect(withoutControlCharacters("acme\u0000 help\t")).toBe("acme help");
  });
});

describe("noControlCharacters", () => {
  it("refines a classic zod string with the one message", () => {
    const schema = z.string().trim().check(noControlCharacters());
    expect(schema.safeParse("Ada\u0000").error?.issues.map((i) => i.message)).toEqual([CONTROL_CHARACTER_MESSAGE]);
    expect(schema.parse(" Ada ")).toBe("Ada");
  });
});
