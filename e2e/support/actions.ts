import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

type Manifest = { node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }> };

/**
 * Server actions are public HTTP endpoints: anyone can post to one with its id. The build's
 * manifest names them, so a test can call each one directly, as an attacker would, bypassing the UI.
 */
export function findAction(filename: string, exportedName: string): { id: string; page: string } {
  const file = path.join(process.cwd(), process.env.NEXT_DIST_DIR ?? ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as Manifest;
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename === filename && entry.exportedName === exportedName) {
      const worker = Object.keys(entry.workers)[0]!;
      return { id, page: worker };
    }
  }
  throw new Error(`no server action ${exportedName} in ${filename}`);
}

/** Posts to a server action the way the browser does (plus any `headers`) and returns its decoded result. */
export async function callAction(
  request: APIRequestContext,
  pagePath: string,
  actionId: string,
  input: unknown,
  headers: Record<string, string> = {},
): Promise<{ ok: boolean; code?: string; text: string }> {
  const response = await request.post(pagePath, {
    headers: { "Next-Action": actionId, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8", ...headers },
    data: JSON.stringify([input]),
    maxRedirects: 0,
  });
  const text = await response.text();
  const result = text.match(/\{"ok":(true|false)[^\n]*\}/)?.[0];
  if (!result) return { ok: false, code: `HTTP_${response.status()}`, text };
  const parsed = JSON.parse(result) as { ok: boolean; code?: string };
  return { ok: parsed.ok, code: parsed.code, text };
}
