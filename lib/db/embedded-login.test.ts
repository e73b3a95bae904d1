import { describe, expect, it } from "vitest";
import { fatalError, quoteIdent, startupUser } from "@/lib/db/embedded-login";

function startupMessage(params: Record<string, string>): Uint8Array {
  const body = Buffer.from(`${Object.entries(params).map(([k, v]) => `${k}\0${v}\0`).join("")}\0`);
  const header = Buffer.alloc(8);
  header.writeInt32BE(8 + body.length, 0);
  header.writeInt32BE(196_608, 4);
  return new Uint8Array(Buffer.concat([header, body]));
}

describe("the embedded server's login", () => {
  it("reads the user a client logs in as, and only from a startup message", () => {
    expect(startupUser(startupMessage({ database: "postgres", user: "dsar_app", client_encoding: "UTF8" }))).toBe("dsar_app");
    expect(startupUser(startupMessage({ database: "postgres" }))).toBe("");
    // A simple Query that happens to contain the same bytes is no login.
    expect(startupUser(new Uint8Array(Buffer.from("Q\0\0\0\x0duser\0x\0\0")))).toBeUndefined();
  });

  it("refuses with a FATAL ErrorResponse a client can read", () => {
    const bytes = Buffer.from(fatalError("28000", 'role "x" does not exist'));
    expect(String.fromCharCode(bytes[0]!)).toBe("E");
    expect(bytes.readInt32BE(1)).toBe(bytes.length - 1);
    expect(bytes.subarray(5).toString()).toBe('SFATAL\0VFATAL\0C28000\0Mrole "x" does not exist\0\0');
  });

  it("quotes a role name as an identifier", () => {
    expect(quoteIdent('we"ird')).toBe('"we""ird"');
  });
});
