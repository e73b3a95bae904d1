import { describe, expect, it } from "vitest";
import { outboxMessageId, senderAddress } from "@/lib/mail/sender";

const org = { productName: "Jexi", privacyEmail: "hello@jexi.com" };

describe("senderAddress", () => {
  it("uses MAIL_FROM when set", () => {
    expect(senderAddress("Privacy <privacy@mail.jexi.com>", org)).toBe("Privacy <privacy@mail.jexi.com>");
  });

  it("falls back to the product's privacy address", () => {
    expect(senderAddress(undefined, org)).toBe('"Jexi Privacy" <hello@jexi.com>');
    expect(senderAddress("  ", org)).toBe('"Jexi Privacy" <hello@jexi.com>');
  });

  it("quotes a product name that would otherwise split the address", () => {
    expect(senderAddress(undefined, { productName: 'Acme, "Inc"', privacyEmail: "p@acme.test" })).toBe(
      '"Acme, \\"Inc\\" Privacy" <p@acme.test>',
    );
  });
});

describe("outboxMessageId", () => {
  it("is the outbox id at the app's host, without port", () => {
    expect(outboxMessageId("0b6c1b0e-1111-4222-8333-444455556666", "https://privacy.jexi.com:8443/base")).toBe(
      "<0b6c1b0e-1111-4222-8333-444455556666@privacy.jexi.com>",
    );
  });
});
