import "server-only";

type Fields = Record<string, string | number | boolean | null | undefined>;

/**
 * Structured logs for operators. Callers pass identifiers (request id, outbox id, codes), never
 * names, emails or free text, and errors are reduced to their class and code: driver messages can
 * quote the values that failed.
 */
export function logEvent(event: string, fields: Fields = {}): void {
  console.log(JSON.stringify({ level: "info", at: new Date().toISOString(), event, ...fields }));
}

export function logError(event: string, error: unknown, fields: Fields = {}): void {
  const e = error as { name?: string; code?: string; stack?: string };
  const frames = typeof e?.stack === "string" ? e.stack.split("\n").filter((l) => l.trim().startsWith("at ")).slice(0, 5).join(" | ") : undefined;
  console.error(
    JSON.stringify({ level: "error", at: new Date().toISOString(), event, error: e?.name ?? typeof error, code: e?.code, frames, ...fields }),
  );
}
