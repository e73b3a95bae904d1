import { describe, expect, it } from "vitest";
import { domainAndParents, domainOf, foldName } from "@/lib/referrals/match-key";

describe("foldName", () => {
  it("ignores case, accents and punctuation", () => {
    expect(foldName("  Glöbex — Kundenservice! ")).toBe("globex kundenservice");
    expect(foldName("ZOË CAFÉ")).toBe(foldName("zoe cafe"));
    expect(foldName("Straße")).toBe("strasse");
  });
});

describe("domainOf", () => {
  it.each([
    ["acme.example", "acme.example"],
    ["WWW.Acme.Example.", "acme.example"],
    ["https://help.acme.example:8443/chat?x#y", "help.acme.example"],
    ["support@Acme.example", "acme.example"],
    ["mailto:support@acme.example", "acme.example"],
  ])("reads %s as %s", (input, expected) => {
    expect(domainOf(input)).toBe(expected);
  });

  it.each(["Acme", "acme support", "", "localhost", "-bad.example", "acme..example"])("refuses %j", (input) => {
    expect(domainOf(input)).toBeNull();
  });
});

describe("domainAndParents", () => {
  it("lists the host and every parent with a dot, never a bare top-level domain", () => {
    expect(domainAndParents("a.help.acme.example")).toEqual(["a.help.acme.example", "help.acme.example", "acme.example"]);
    expect(domainAndParents("acme.example")).toEqual(["acme.example"]);
  });
});
