import "server-only";
import { openSecret } from "@/lib/connectors/credentials";
import { connectorFor } from "@/lib/connectors/registry";
import { ConnectorError, type ConnectorSession } from "@/lib/connectors/types";
import type { Db } from "@/lib/db";
import { loadSealedSecret, loadSystem } from "@/lib/datamap/load";
import type { MapCollection, MapField, MapSystem } from "@/lib/datamap/types";

/** Records read per question: a person has a handful of rows in a collection keyed by their email. */
export const ROWS_READ = 50;
/** A verification question waits this long for a system before the officer judges the answer. */
export const LOOKUP_TIMEOUT_MS = 10_000;

export type FieldHome = { system: MapSystem; collection: MapCollection; field: MapField; emailField: MapField };

/**
 * Where a question's field lives, and the email field of its collection that finds the person's
 * rows there. Null when the field cannot be compared this way: its collection has no email
 * identity, its system no connector (MANUAL), or it is customer workspace content, which the
 * operator answers for only as processor.
 */
export function fieldHome(system: MapSystem, fieldId: string): FieldHome | null {
  if (!connectorFor(system.kind)) return null;
  for (const collection of system.collections) {
    const field = collection.fields.find((f) => f.id === fieldId);
    if (!field) continue;
    const emailField = collection.fields.find((f) => f.identity === "email");
    return emailField && !collection.workspaceField ? { system, collection, field, emailField } : null;
  }
  return null;
}

export type LookupOutcome = { ok: true; values: unknown[] } | { ok: false; note: string };

/**
 * The values a person's rows hold in a mapped field, found by their email: read only, at most
 * ROWS_READ rows, within LOOKUP_TIMEOUT_MS. A failure says why in words with no personal data.
 */
export async function valuesHeldFor(db: Db, systemId: string, fieldId: string, email: string): Promise<LookupOutcome> {
  const system = await loadSystem(db, systemId);
  const home = system ? fieldHome(system, fieldId) : null;
  if (!system || !home) return { ok: false, note: "The field can no longer be compared: it left the data map, or its collection has no email identity." };
  const connector = connectorFor(system.kind)!;
  let session: ConnectorSession | null = null;
  let timer: NodeJS.Timeout | undefined;
  const work = (async (): Promise<unknown[]> => {
    session = await connector.open(system, openSecret(await loadSealedSecret(db, system.id)));
    const values: unknown[] = [];
    for await (const batch of session.lookup({ collection: home.collection, field: home.emailField, values: [email.trim().toLowerCase()] })) {
      for (const row of batch) {
        values.push(row[home.field.name]);
        if (values.length >= ROWS_READ) return values;
      }
    }
    return values;
  })();
  // The session closes once the work has ended, even after a timeout gave up waiting for it.
  const closed = work
    .then(
      () => undefined,
      () => undefined,
    )
    .then(() => (session as ConnectorSession | null)?.close())
    .catch(() => {});
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ConnectorError("unreachable", `${system.name} did not answer within ${LOOKUP_TIMEOUT_MS / 1000} seconds`)), LOOKUP_TIMEOUT_MS);
    });
    const values = await Promise.race([work, timeout]);
    await closed;
    return { ok: true, values };
  } catch (error) {
    if (error instanceof ConnectorError) return { ok: false, note: `${error.message.replace(/\.?$/, ".")} The officer judges this answer.` };
    return { ok: false, note: `${system.name} could not be searched because of a problem on our side. The officer judges this answer.` };
  } finally {
    clearTimeout(timer);
  }
}
