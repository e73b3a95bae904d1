import { createCipheriv, createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decrypt, decryptBytes, encrypt, encryptBytes } from "@/lib/security/encryption";

const SECRET = "unit-test-secret-0123456789abcdef-xyz";

describe("encryptBytes and decryptBytes", () => {
  it("round-trips binary content, including every byte value", () => {
    const bytes = new Uint8Array(256 * 4).map((_, i) => i % 256);
    const sealed = encryptBytes(SECRET, "data-package", bytes);
    expect(Buffer.from(sealed).includes(Buffer.from(bytes.subarray(0, 64)))).toBe(false);
    expect(decryptBytes(SECRET, "data-package", sealed)).toEqual(bytes);
  });

  it("seals the same content differently each time", () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(encryptBytes(SECRET, "p", bytes)).not.toEqual(encryptBytes(SECRET, "p", bytes));
  });

  it("refuses another secret, another purpose or a flipped byte", () => {
    const sealed = encryptBytes(SECRET, "data-package", new Uint8Array([9, 8, 7, 6]));
    expect(() => decryptBytes(`${SECRET}!`, "data-package", sealed)).toThrow();
    expect(() => decryptBytes(SECRET, "email-outbox", sealed)).toThrow();
    const tampered = new Uint8Array(sealed);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => decryptBytes(SECRET, "data-package", tampered)).toThrow();
  });

  it("opens content sealed with associated data only with the same associated data", () => {
    const aad = Buffer.from("package|0|1");
    const sealed = encryptBytes(SECRET, "p", new Uint8Array([1, 2, 3]), aad);
    expect(decryptBytes(SECRET, "p", sealed, Buffer.from("package|0|1"))).toEqual(new Uint8Array([1, 2, 3]));
    expect(() => decryptBytes(SECRET, "p", sealed, Buffer.from("package|0|0"))).toThrow();
    expect(() => decryptBytes(SECRET, "p", sealed)).toThrow();
    expect(() => decryptBytes(SECRET, "p", encryptBytes(SECRET, "p", new Uint8Array([1])), aad)).toThrow();
  });

  it("handles empty content", () => {
    expect(decryptBytes(SECRET, "p", encryptBytes(SECRET, "p", new Uint8Array()))).toEqual(new Uint8Array());
  });

  it("shares its format with the text variant", () => {
    const sealed = encrypt(SECRET, "p", "héllo");
    expect(Buffer.from(decryptBytes(SECRET, "p", sealed)).toString("utf8")).toBe("héllo");
    expect(decrypt(SECRET, "p", encryptBytes(SECRET, "p", Buffer.from("wörld", "utf8")))).toBe("wörld");
  });
});

describe("authentication tags", () => {
  it("refuses a sealed value whose tag was cut short", () => {
    // GCM checks a truncated tag as a prefix of the real one unless the length is pinned: a 4-byte
    // tag is a forgery that needs only 2^32 guesses.
    const sealed = encryptBytes(SECRET, "p", new Uint8Array());
    expect(decryptBytes(SECRET, "p", sealed)).toEqual(new Uint8Array());
    for (const tagBytes of [4, 8, 12, 15]) {
      expect(() => decryptBytes(SECRET, "p", sealed.subarray(0, 13 + tagBytes))).toThrow();
    }
  });

  it("still opens values sealed before keys were derived per purpose", () => {
    const legacyKey = createHash("sha256").update(`p\0${SECRET}`).digest();
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", legacyKey, iv);
    const data = Buffer.concat([cipher.update("old payload", "utf8"), cipher.final()]);
    const sealed = new Uint8Array(Buffer.concat([Buffer.from([1]), iv, cipher.getAuthTag(), data]));
    expect(decrypt(SECRET, "p", sealed)).toBe("old payload");
    expect(encryptBytes(SECRET, "p", new Uint8Array([1]))[0]).toBe(2);
  });
});
