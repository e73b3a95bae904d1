import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { purposeKey } from "@/lib/security/keys";
import { hashCode, keyedHash, nextAuthSecret } from "@/lib/security/tokens";

const SECRET = "unit-test-secret-0123456789abcdef-xyz";

describe("purposeKey", () => {
  it("gives each purpose its own 32-byte key, stable for the same secret", () => {
    const a = purposeKey(SECRET, "rate-limit");
    expect(a).toHaveLength(32);
    expect(purposeKey(SECRET, "rate-limit").equals(a)).toBe(true);
    expect(purposeKey(SECRET, "next-auth").equals(a)).toBe(false);
    expect(purposeKey(`${SECRET}!`, "rate-limit").equals(a)).toBe(false);
  });

  it("never uses the raw secret as a key", () => {
    const raw = createHmac("sha256", SECRET).update("203.0.113.9").digest("base64url");
    expect(keyedHash(SECRET, "rate-limit", "203.0.113.9")).not.toBe(raw);
    expect(hashCode(SECRET, "challenge", "123456")).not.toBe(createHmac("sha256", SECRET).update("challenge:123456").digest("hex"));
  });

  it("never lets a client-chosen value reproduce the next-auth secret", () => {
    // Before, the next-auth secret was HMAC(APP_SECRET, "next-auth"), the very value a client could
    // make us store as a rate-limit key by sending "next-auth" as its address.
    const secret = nextAuthSecret(SECRET);
    expect(keyedHash(SECRET, "rate-limit", "next-auth")).not.toContain(secret);
    expect(secret).not.toBe(createHmac("sha256", SECRET).update("next-auth").digest("base64url"));
    for (const purpose of ["verification-code", "email-outbox", "data-package"]) {
      expect(purposeKey(SECRET, purpose).toString("hex")).not.toBe(secret);
    }
  });
});
