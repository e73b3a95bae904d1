import { describe, expect, it } from "vitest";
import { fileSize, maskFilename } from "@/lib/packages/display";

describe("fileSize", () => {
  it("writes kilobytes below a megabyte and megabytes from there", () => {
    expect(fileSize(3)).toBe("0.0 KB");
    expect(fileSize(12_595)).toBe("12.3 KB");
    expect(fileSize(1024 * 1024 - 1)).toBe("1024.0 KB");
    expect(fileSize(1024 * 1024)).toBe("1.0 MB");
    expect(fileSize(10 * 1024 * 1024)).toBe("10.0 MB");
  });
});

describe("maskFilename", () => {
  it("keeps a short extension and nothing else", () => {
    expect(maskFilename("ada-lovelace.zip")).toBe("•••.zip");
    expect(maskFilename("ada lovelace")).toBe("•••");
    expect(maskFilename(".hidden")).toBe("•••");
    expect(maskFilename("ada.averyveryverylongextension")).toBe("•••");
  });
});

describe("fileSize in the reader's language", () => {
  it("writes the decimal the reader's way", () => {
    expect(fileSize(12_595, "de")).toBe("12,3 KB");
    expect(fileSize(10 * 1024 * 1024, "pt-BR")).toBe("10,0 MB");
    expect(fileSize(1024 * 1024 - 1, "fr")).toBe("1024,0 KB");
  });
});
