import { describe, expect, it } from "vitest";
import { isSameOriginPost, restoredOrigin } from "@/lib/http/same-origin";

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

describe("restoredOrigin", () => {
  const form = (headers: Record<string, string>, method = "POST") =>
    new Request("http://portal.test/referrals/abc", { method, headers: { host: "portal.test", ...headers } });

  it("puts back the origin of a same-origin form post sent with Origin: null", () => {
    expect(restoredOrigin(form({ origin: "null", "sec-fetch-site": "same-origin" }))).toBe("http://portal.test");
    expect(restoredOrigin(form({ origin: "null", "sec-fetch-site": "same-origin", "x-forwarded-host": "privacy.example, proxy" }))).toBe(
      "http://privacy.example",
    );
  });

  it("leaves everything else to Next's own check", () => {
    expect(restoredOrigin(form({ origin: "null", "sec-fetch-site": "cross-site" }))).toBeNull();
    expect(restoredOrigin(form({ origin: "null" }))).toBeNull();
    expect(restoredOrigin(form({ origin: "http://evil.test", "sec-fetch-site": "same-origin" }))).toBeNull();
    expect(restoredOrigin(form({ "sec-fetch-site": "same-origin" }))).toBeNull();
    expect(restoredOrigin(form({ origin: "null", "sec-fetch-site": "same-origin" }, "PUT"))).toBeNull();
  });
});
