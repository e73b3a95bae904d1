// What the server the project starts (scripts/serve.ts) accepts as a server action's body before
// Next decodes it. Next answers an oversized or undecodable body with a 500 and quotes the body in
// its log; these checks answer 413 or 400 instead and Next never sees the body. Pure: no I/O.

/** Server action bodies larger than this are refused (next.config.ts gives Next the same limit). */
export const ACTION_BODY_LIMIT = 64 * 1024;

/** A POST that calls a server action from JavaScript (a form without JavaScript has no such header). */
export function isActionCall(method: string | undefined, headers: Record<string, string | string[] | undefined>): boolean {
  return method === "POST" && headers["next-action"] !== undefined;
}

/**
 * Whether the body is Next's JSON encoding of the action's arguments: every body that is not a
 * form (multipart, or urlencoded, which Next refuses itself) is decoded that way, whatever its
 * content type says (the browser sends text/plain;charset=UTF-8).
 */
export function isJsonActionBody(contentType: string | undefined): boolean {
  const type = contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  return type !== "multipart/form-data" && type !== "application/x-www-form-urlencoded";
}

/**
 * Whether a JSON action body can be what our forms send: the arguments as a JSON array whose
 * first entry is the input object. Every action this app calls with JSON takes one input object
 * (lib/actions), so `[]`, `[null]` or a bare value is never a real call, only a way to reach an
 * action with no input at all. An action that takes no argument or a bound value needs this rule
 * widened.
 */
export function isWellFormedJsonAction(body: Uint8Array): boolean {
  let args: unknown;
  try {
    args = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
  } catch {
    return false;
  }
  const input: unknown = Array.isArray(args) ? args[0] : undefined;
  return typeof input === "object" && input !== null && !Array.isArray(input);
}
