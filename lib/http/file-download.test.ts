import { describe, expect, it } from "vitest";
import { contentDisposition, fileDownloadResponse } from "@/lib/http/file-download";

describe("contentDisposition", () => {
  it("names an ASCII file as it is", () => {
    expect(contentDisposition("export 2026.zip")).toBe(`attachment; filename="export 2026.zip"; filename*=UTF-8''export%202026.zip`);
  });

  it("gives any other name an ASCII fallback and its exact UTF-8 form", () => {
    expect(contentDisposition("Zoë's Café €.json")).toBe(
      `attachment; filename="Zo_'s Caf_ _.json"; filename*=UTF-8''Zo%C3%AB%27s%20Caf%C3%A9%20%E2%82%AC.json`,
    );
    expect(contentDisposition('a"b\\c.txt')).toMatch(/^attachment; filename="a_b_c.txt"; /);
  });
});

describe("fileDownloadResponse", () => {
  it("sends the bytes as an attachment that is never cached, sniffed or referred", async () => {
    const response = fileDownloadResponse({ filename: "données.csv", contentType: "text/csv", bytes: new Uint8Array([104, 105]) });
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "text/csv",
      "content-disposition": `attachment; filename="donn_es.csv"; filename*=UTF-8''donn%C3%A9es.csv`,
      "content-length": "2",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
    });
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([104, 105]));
  });
});
