import { describe, expect, it } from "vitest";
import { securityTxt } from "@/lib/http/security-txt";

describe("security.txt", () => {
  const now = new Date("2026-11-29T06:00:00.123Z");

  it("has RFC 9116's required fields, an expiry half a year ahead, and where it lives", () => {
    expect(securityTxt({ contact: "hello@jexi.com", appUrl: "https://privacy.jexi.example/", now })).toBe(
      [
        "Contact: mailto:hello@jexi.com",
        "Expires: 2027-05-28T06:00:00Z",
        "Preferred-Languages: en",
        "Canonical: https://privacy.jexi.example/.well-known/security.txt",
        "Policy: https://privacy.jexi.example/privacy",
        "",
      ].join("\n"),
    );
  });

  it("keeps a contact that is already a URL", () => {
    expect(securityTxt({ contact: "https://jexi.example/security", appUrl: "https://p.example", now })).toContain("Contact: https://jexi.example/security\n");
    expect(securityTxt({ contact: "mailto:security@jexi.example", appUrl: "https://p.example", now })).toContain("Contact: mailto:security@jexi.example\n");
  });
});
