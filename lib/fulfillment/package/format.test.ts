import { describe, expect, it } from "vitest";
import { csvCell, csvRow, escapeHtml, zipSegment } from "@/lib/fulfillment/package/format";

describe("csvCell", () => {
  it("quotes as RFC 4180 asks", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvCell(null)).toBe("");
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
    expect(csvRow(["a", 1, true])).toBe("a,1,true\r\n");
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(csvCell("+1 555")).toBe("'+1 555");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell(-2)).toBe("-2");
  });
});

describe("escapeHtml", () => {
  it("escapes markup and quotes", () => {
    expect(escapeHtml(`<script>alert("x")</script>&'`)).toBe("&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;&#38;&#39;");
  });
});

describe("zipSegment", () => {
  it("keeps a name inside its folder", () => {
    expect(zipSegment("../../etc/passwd")).toBe(".._.._etc_passwd");
    expect(zipSegment("..")).toBe("_");
    expect(zipSegment("tickets")).toBe("tickets");
  });
});
