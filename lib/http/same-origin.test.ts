import { describe, expect, it } from "vitest";
import { isSameOriginPost, restoredOrigin } from "@/lib/http/same-origin";

const post = (headers: Record<string, string>) => new Request("http://portal.test/admin/requests/1/package", { method: "POST", headers });

describe("isSameOriginPost", () => {
  const APP_URL = "https://privacy.example/";

  it("trusts the browser's Sec-Fetch-Site when it is there", () => {
    expect(isSameOriginPost(post({ "sec-fetch-site": "same-origin", origin: "null" }), APP_URL)).toBe(true);
    expect(isSameOriginPost(post({ "sec-fetch-site": "cross-site", origin: "https://privacy.example" }), APP_URL)).toBe(false);
    expect(isSameOriginPost(post({ "sec-fetch-site": "same-site" }), APP_URL)).toBe(false);
    expect(isSameOriginPost(post({ "sec-fetch-site": "none" }), APP_URL)).toBe(false);
  });

  it("otherwise accepts only an Origin equal to the app's own", () => {
    expect(isSameOriginPost(post({ origin: "https://privacy.example" }), APP_URL)).toBe(true);
    expect(isSameOriginPost(post({ origin: "http://privacy.example" }), APP_URL)).toBe(false);
    expect(isSameOriginPost(post({ origin: "https://privacy.example:8443" }), APP_URL)).toBe(false);
    expect(isSameOriginPost(post({ origin: "https://evil.test" }), APP_URL)).toBe(false);
    expect(isSameOriginPost(post({ origin: "not a url" }), APP_URL)).toBe(false);
    // The Host a request arrived with is not the app's address: behind a proxy it is an internal one.
    expect(isSameOriginPost(post({ origin: "http://portal.test" }), APP_URL)).toBe(false);
  });

  it("refuses a post that shows no origin at all", () => {
    // What a sandboxed frame, an old browser or a script on another site can send.
    expect(isSameOriginPost(post({ origin: "null" }), APP_URL)).toBe(false);
    expect(isSameOriginPost(post({}), APP_URL)).toBe(false);
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
