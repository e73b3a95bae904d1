import { describe, expect, it } from "vitest";
import { at, collectionUrl, httpSettings } from "@/lib/connectors/http";
import { mapSystem } from "@/lib/testing/product-db";

describe("at", () => {
  it("follows dotted paths, prefers a key that holds the dots, and gives the value itself for ''", () => {
    const body = { data: { items: [1] }, "a.b": 2, a: { b: 3 } };
    expect(at(body, "data.items")).toEqual([1]);
    expect(at(body, "a.b")).toBe(2);
    expect(at(body, "data.missing.deeper")).toBeUndefined();
    expect(at(body, "")).toBe(body);
  });
});

describe("collectionUrl", () => {
  it("joins the base URL and the collection path with exactly one slash, keeping the base's path", () => {
    expect(collectionUrl(new URL("https://api.example.test/v2/"), "/contacts").toString()).toBe("https://api.example.test/v2/contacts");
    expect(collectionUrl(new URL("https://api.example.test"), "contacts").toString()).toBe("https://api.example.test/contacts");
  });
});

describe("httpSettings", () => {
  const system = (baseUrl: string) => mapSystem("HTTP", { baseUrl }, []);
  it("refuses other schemes and credentials in the URL, and fills the defaults", () => {
    expect(() => httpSettings(system("ftp://files.example.test"))).toThrow(/only http and https/);
    expect(() => httpSettings(system("https://user:pw@api.example.test"))).toThrow(/stored secret/);
    expect(() => httpSettings(system("not a url"))).toThrow(/no valid base URL/);
    expect(httpSettings(system("https://api.example.test"))).toMatchObject({
      authHeader: "Authorization",
      authPrefix: "Bearer ",
      timeoutMs: 10_000,
      requestsPerSecond: 5,
    });
  });
});
