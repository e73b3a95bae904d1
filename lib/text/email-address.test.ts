import { describe, expect, it } from "vitest";
import { z } from "zod";
import { emailAddress, normalizeEmailAddress, optionalEmailAddress } from "@/lib/text/email-address";

const ok = (email: string) => ({ ok: true, email });
const problem = (p: string) => ({ ok: false, problem: p });

describe("normalizeEmailAddress", () => {
  it("keeps an internationalised domain, in ASCII and lower case", () => {
    expect(normalizeEmailAddress("user@bücher.de")).toEqual(ok("user@xn--bcher-kva.de"));
    expect(normalizeEmailAddress(" User@BÜCHER.de ")).toEqual(ok("user@xn--bcher-kva.de"));
    expect(normalizeEmailAddress("user@xn--bcher-kva.de")).toEqual(ok("user@xn--bcher-kva.de"));
    expect(normalizeEmailAddress("info@例え.テスト")).toEqual(ok("info@xn--r8jz45g.xn--zckzah"));
  });

  it("keeps a Unicode local part in NFC", () => {
    // "o" + combining diaeresis, as some keyboards type it, is stored as "ö".
    expect(normalizeEmailAddress("Jo\u0308rg@example.com")).toEqual(ok("j\u00f6rg@example.com"));
  });

  it("allows 64 octets before the @ and 254 in all", () => {
    expect(normalizeEmailAddress(`${"a".repeat(64)}@example.com`)).toEqual(ok(`${"a".repeat(64)}@example.com`));
    expect(normalizeEmailAddress(`${"a".repeat(65)}@example.com`)).toEqual(problem("LOCAL_PART_TOO_LONG"));
    // 33 two-octet letters are 66 octets.
    expect(normalizeEmailAddress(`${"ö".repeat(33)}@example.com`)).toEqual(problem("LOCAL_PART_TOO_LONG"));
    const domain = `${"d".repeat(60)}.${"e".repeat(60)}.${"f".repeat(60)}.${"g".repeat(60)}.de`;
    expect(normalizeEmailAddress(`${"a".repeat(7)}@${domain}`).ok).toBe(true);
    expect(normalizeEmailAddress(`${"a".repeat(8)}@${domain}`)).toEqual(problem("TOO_LONG"));
    // The ASCII form is what counts: this domain is short as typed and long in punycode.
    const idn = Array(4).fill("日本語の住所例文字列検索表示確認").join(".") + ".jp"; // 70 typed, 226 in ASCII
    expect(normalizeEmailAddress(`${"a".repeat(27)}@${idn}`).ok).toBe(true);
    expect(normalizeEmailAddress(`${"a".repeat(28)}@${idn}`)).toEqual(problem("TOO_LONG"));
  });

  it("refuses control characters and malformed addresses", () => {
    expect(normalizeEmailAddress("ada\u0000@example.com")).toEqual(problem("CONTROL_CHARACTER"));
    expect(normalizeEmailAddress("  ")).toEqual(problem("EMPTY"));
    for (const bad of ["ada", "ada@", "@example.com", "ada@example", "ada@1.2.3.4", "a b@example.com", "a..b@example.com", ".a@example.com",
      "a@b@example.com", "ada@exa%6Dple.com", "ada@example.com:25", "ada@-example.com", "ada@example.com.", "ann\u202e@example.com"]) {
      expect(normalizeEmailAddress(bad), bad).toEqual(problem("FORMAT"));
    }
  });
});

describe("emailAddress", () => {
  const words = { empty: "Enter your email address", format: "Enter an email address in the format name@example.com" };

  it("gives the normal form or a specific message, in a classic zod object too", () => {
    const schema = z.object({ email: emailAddress(words), company: optionalEmailAddress("Enter the company's address") });
    expect(schema.parse({ email: "User@Bücher.de" })).toEqual({ email: "user@xn--bcher-kva.de" });
    expect(schema.parse({ email: "a@example.com", company: "" }).company).toBeUndefined();
    const messages = (input: unknown) => schema.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages({ email: "" })).toEqual([`email: ${words.empty}`]);
    expect(messages({ email: "nope", company: "nope" })).toEqual([`email: ${words.format}`, "company: Enter the company's address"]);
    expect(messages({ email: `${"a".repeat(65)}@example.com` })).toEqual(["email: The part before the @ can be at most 64 characters."]);
    expect(messages({ email: "a\u0000@example.com" })).toEqual(["email: Remove the invisible control character from this field."]);
  });
});
