import { getSystemErrorName } from "node:util";

/** A failure that retrying cannot fix: the row goes straight to DEAD. */
export class PermanentFailure extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/**
 * What went wrong, in words that hold no personal data. SMTP replies and error messages often
 * quote the recipient ("550 <bob@example.com>: unknown user"), so only codes are kept: nodemailer's
 * error code, the SMTP reply code, the command that failed and the system error, if any.
 */
export function errorCode(error: unknown): string {
  if (error instanceof PermanentFailure) return error.code;
  if (typeof error !== "object" || error === null) return "UNKNOWN";
  const e = error as { code?: unknown; responseCode?: unknown; command?: unknown; errno?: unknown; name?: unknown };
  const parts: string[] = [];
  // Codes are short identifiers; anything else might be free text, so it is not copied.
  if (typeof e.code === "string" && /^[A-Za-z0-9_.-]{1,40}$/.test(e.code)) parts.push(e.code);
  else parts.push(typeof e.name === "string" && /^[A-Za-z]{1,40}$/.test(e.name) ? e.name : "Error");
  if (typeof e.responseCode === "number") parts.push(String(e.responseCode));
  if (typeof e.errno === "number" && e.errno < 0) {
    try {
      parts.push(getSystemErrorName(e.errno));
    } catch {
      // Not a system error number.
    }
  }
  if (typeof e.command === "string" && /^[A-Z ]{1,20}$/.test(e.command)) parts.push(`at ${e.command}`);
  return parts.join(" ");
}
