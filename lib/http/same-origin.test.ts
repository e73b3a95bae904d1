import { describe, expect, it } from "vitest";
import { isSameOriginPost } from "@/lib/http/same-origin";

const post = (headers: Record<string, string>) => new Request("http://portal.test/admin/requests/1/package", { method: "POST", headers });

describe("isSameOriginPost", () => {
  it("trusts the browser's Sec-Fetch-Site when it is there", () => {
    expect(isSameOriginPost(post({ "sec-fetch-site": "same-origin", origin: "null" }))).toBe(true);
    expect(isSameOriginPost(post({ "sec-fetch-site": "cross-site", origin: "http://portal.test" }))).toBe(false);
    expect(isSameOriginPost(post({ "sec-fetch-site": "same-site" }))).toBe(false);
  });

  it("otherwise compares a real Origin with the host", () => {
    expect(isSameOriginPost(post({ origin: "http://portal.test" }))).toBe(true);
    expect(isSameOriginPost(post({ origin: "http://evil.test" }))).toBe(false);
    expect(isSameOriginPost(post({ origin: "not a url" }))).toBe(false);
  });
});
