import { describe, expect, it } from "vitest";
import { isActionCall, isJsonActionBody, isWellFormedJsonAction } from "@/lib/http/action-body";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("server action bodies", () => {
  it("accepts the arguments our forms send: a JSON array starting with the input object", () => {
    expect(isWellFormedJsonAction(bytes('[{"type":"ACCESS","name":"Ada"}]'))).toBe(true);
    expect(isWellFormedJsonAction(bytes('[{"note":"$undefined"},"$undefined"]'))).toBe(true);
  });

  it("refuses what no form of ours sends", () => {
    for (const text of ["not json{", "", "[]", "[null]", '["$undefined"]', "[1]", "[[]]", "{}", '"x"', "null"]) {
      expect(isWellFormedJsonAction(bytes(text)), text).toBe(false);
    }
    expect(isWellFormedJsonAction(new Uint8Array([0x5b, 0x7b, 0xff, 0x7d, 0x5d]))).toBe(false);
  });

  it("checks every body Next would decode as JSON, and leaves forms to Next", () => {
    expect(isJsonActionBody("text/plain;charset=UTF-8")).toBe(true);
    expect(isJsonActionBody("application/json")).toBe(true);
    expect(isJsonActionBody(undefined)).toBe(true);
    expect(isJsonActionBody("multipart/form-data; boundary=x")).toBe(false);
    expect(isJsonActionBody("application/x-www-form-urlencoded")).toBe(false);
  });

  it("recognises a call from JavaScript by its Next-Action header", () => {
    expect(isActionCall("POST", { "next-action": "40abc" })).toBe(true);
    expect(isActionCall("GET", { "next-action": "40abc" })).toBe(false);
    expect(isActionCall("POST", { "content-type": "multipart/form-data; boundary=x" })).toBe(false);
  });
});
