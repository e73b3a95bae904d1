import { describe, expect, it } from "vitest";
import { chooseClientAddress, normalizeAddress, rateLimitSubject, rewriteForwardingHeaders, trustedHops } from "@/lib/http/client-address";

describe("chooseClientAddress", () => {
  it("without a trusted proxy takes the socket's address, whatever X-Forwarded-For says", () => {
    expect(chooseClientAddress("203.0.113.7", "198.51.100.1", 0)).toBe("203.0.113.7");
    expect(chooseClientAddress("203.0.113.7", "198.51.100.1, 198.51.100.2", 0)).toBe("203.0.113.7");
    expect(chooseClientAddress("203.0.113.7", undefined, 0)).toBe("203.0.113.7");
  });

  it("behind N proxies takes the N-th entry from the right, never what the client put in front", () => {
    // client forged "1.1.1.1"; proxy 1 appended the client it saw; proxy 2 appended proxy 1.
    expect(chooseClientAddress("10.0.0.2", "1.1.1.1, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(chooseClientAddress("10.0.0.3", "1.1.1.1, 203.0.113.7, 10.0.0.2", 2)).toBe("203.0.113.7");
    expect(chooseClientAddress("10.0.0.3", "1.1.1.1,203.0.113.7,10.0.0.2", 2)).toBe("203.0.113.7");
  });

  it("with a shorter chain takes its first entry, and with none the socket", () => {
    expect(chooseClientAddress("10.0.0.3", "203.0.113.7", 2)).toBe("203.0.113.7");
    expect(chooseClientAddress("10.0.0.3", "", 1)).toBe("10.0.0.3");
    expect(chooseClientAddress("10.0.0.3", " , ", 1)).toBe("10.0.0.3");
    expect(chooseClientAddress("10.0.0.3", undefined, 1)).toBe("10.0.0.3");
  });

  it("falls back to the socket when the trusted entry is no address", () => {
    expect(chooseClientAddress("10.0.0.2", "203.0.113.7, unknown", 1)).toBe("10.0.0.2");
    expect(chooseClientAddress("10.0.0.2", "203.0.113.7, next-auth", 1)).toBe("10.0.0.2");
    expect(chooseClientAddress("10.0.0.2", "<script>", 1)).toBe("10.0.0.2");
    expect(chooseClientAddress("10.0.0.2", "999.1.1.1", 1)).toBe("10.0.0.2");
    expect(chooseClientAddress(undefined, "garbage", 1)).toBeNull();
    expect(chooseClientAddress(undefined, undefined, 0)).toBeNull();
  });

  it("reads IPv6 and IPv4-mapped addresses, with or without brackets and ports", () => {
    expect(chooseClientAddress("::ffff:127.0.0.1", undefined, 0)).toBe("127.0.0.1");
    expect(chooseClientAddress("::1", undefined, 0)).toBe("::1");
    expect(chooseClientAddress("10.0.0.2", "[2001:DB8::1]:443", 1)).toBe("2001:db8::1");
    expect(chooseClientAddress("10.0.0.2", "203.0.113.7:51234", 1)).toBe("203.0.113.7");
    expect(chooseClientAddress("10.0.0.2", "::FFFF:203.0.113.7", 1)).toBe("203.0.113.7");
  });
});

describe("normalizeAddress", () => {
  it("writes one form per address", () => {
    expect(normalizeAddress("2001:0DB8:0000:0000:0000:0000:0000:0001")).toBe("2001:db8::1");
    expect(normalizeAddress("::ffff:c000:0207")).toBe("192.0.2.7");
    expect(normalizeAddress("[::ffff:192.0.2.7]")).toBe("192.0.2.7");
    expect(normalizeAddress("fe80::1%eth0")).toBe("fe80::1");
    expect(normalizeAddress(" 192.0.2.7 ")).toBe("192.0.2.7");
  });

  it("refuses what is not an address", () => {
    for (const text of ["", "localhost", "1.2.3", "1.2.3.4.5", "01.2.3.4", "[1.2.3.4]x", "2001:db8:::1"]) {
      expect(normalizeAddress(text), text).toBeNull();
    }
  });
});

describe("rateLimitSubject", () => {
  it("counts IPv4 by address and IPv6 by its /64 network", () => {
    expect(rateLimitSubject("192.0.2.7")).toBe("192.0.2.7");
    expect(rateLimitSubject("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(rateLimitSubject("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(rateLimitSubject("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(rateLimitSubject("::1")).toBe("0:0:0:0::/64");
    expect(rateLimitSubject("::ffff:192.0.2.7")).toBe("192.0.2.7");
    expect(rateLimitSubject("192.0.2.7, 198.51.100.1")).toBeNull();
  });
});

describe("rewriteForwardingHeaders", () => {
  const forged = () => ({
    host: "privacy.example",
    "x-forwarded-for": "1.1.1.1, 203.0.113.7",
    "x-real-ip": "1.1.1.1",
    forwarded: "for=1.1.1.1",
    "true-client-ip": "1.1.1.1",
    "cf-connecting-ip": "1.1.1.1",
    "x-forwarded-host": "evil.test",
    "x-forwarded-proto": "https",
  });

  it("leaves only the address it chose, from the socket when no proxy is trusted", () => {
    const headers: Record<string, string | string[] | undefined> = forged();
    rewriteForwardingHeaders(headers, "::ffff:192.0.2.9", 0);
    expect(headers).toEqual({ host: "privacy.example", "x-forwarded-for": "192.0.2.9" });
  });

  it("keeps a trusted proxy's host and scheme headers", () => {
    const headers: Record<string, string | string[] | undefined> = forged();
    rewriteForwardingHeaders(headers, "10.0.0.2", 1);
    expect(headers).toEqual({ host: "privacy.example", "x-forwarded-for": "203.0.113.7", "x-forwarded-host": "evil.test", "x-forwarded-proto": "https" });
  });
});

describe("trustedHops", () => {
  it("reads TRUST_PROXY_HOPS, else the older TRUST_PROXY", () => {
    expect(trustedHops({})).toBe(0);
    expect(trustedHops({ TRUST_PROXY: true })).toBe(1);
    expect(trustedHops({ TRUST_PROXY: true, TRUST_PROXY_HOPS: 0 })).toBe(0);
    expect(trustedHops({ TRUST_PROXY_HOPS: 2 })).toBe(2);
  });
});
