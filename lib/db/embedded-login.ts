// The PostgreSQL wire protocol's start of a connection, as far as the embedded server needs it:
// which user the client logs in as, and how to refuse the login.

const PROTOCOL_3_0 = 196_608;

/** The `user` of a StartupMessage, or undefined when `message` is not one. */
export function startupUser(message: Uint8Array): string | undefined {
  if (message.length < 8) return undefined;
  const view = new DataView(message.buffer, message.byteOffset, message.byteLength);
  if (view.getInt32(4) !== PROTOCOL_3_0) return undefined;
  // Then pairs of NUL-terminated strings (name, value), ended by one more NUL.
  const fields = new TextDecoder().decode(message.subarray(8)).split("\0");
  for (let i = 0; i + 1 < fields.length && fields[i] !== ""; i += 2) {
    if (fields[i] === "user") return fields[i + 1];
  }
  return "";
}

/** An ErrorResponse with severity FATAL: what a server sends before it closes a refused login. */
export function fatalError(sqlState: string, message: string): Uint8Array {
  const body = Buffer.from(`SFATAL\0VFATAL\0C${sqlState}\0M${message}\0\0`, "utf8");
  const header = Buffer.alloc(5);
  header.write("E", 0, "latin1");
  header.writeInt32BE(body.length + 4, 1);
  return new Uint8Array(Buffer.concat([header, body]));
}

/** A role name quoted as an SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
