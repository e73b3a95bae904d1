import { describe, expect, it } from "vitest";
import { pathDecodes } from "@/lib/http/path-encoding";

describe("pathDecodes", () => {
  it("accepts plain paths and valid escapes", () => {
    expect(pathDecodes("/requests/status/abc_DEF-123")).toBe(true);
    expect(pathDecodes("/privacy/versions/2025%2D09%2D01")).toBe(true);
    expect(pathDecodes("/caf%C3%A9")).toBe(true);
  });

  it("refuses a stray percent sign and escapes that are not UTF-8", () => {
    expect(pathDecodes("/requests/status/%zz")).toBe(false);
    expect(pathDecodes("/requests/verify/link/%")).toBe(false);
    expect(pathDecodes("/requests/status/%FF")).toBe(false);
    expect(pathDecodes("/caf%C3")).toBe(false);
  });
});
