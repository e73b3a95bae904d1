import "server-only";
import type { Db } from "@/lib/db";
import { perTransaction } from "@/lib/db/per-transaction";
import { loadDataMap } from "@/lib/datamap/load";
import type { MapSystem } from "@/lib/datamap/types";
import { collectionErasure, referencedFieldIds } from "@/lib/erasure/collection";
import { isPersonal } from "@/lib/erasure/strategy";
import type { Prisma } from "@/lib/generated/prisma/client";

// What an owner erasing by hand is told to do (lib/erasure/by-hand.ts): per collection, what the
// map's strategies erase and what they keep, and why.

/** Per collection with personal data, in words: what to erase and what to keep, by the map's strategies. */
export function byHandLines(system: MapSystem, referenced: ReadonlySet<string>): { label: string; value: string }[] {
  return system.collections
    .filter((c) => !c.workspaceField && c.fields.some(isPersonal))
    .map((collection) => {
      const erasure = collectionErasure(collection, { referenced, foundBy: [] });
      const words = (name: string) => name.replace(/_/g, " ");
      const parts: string[] = [];
      if (erasure.deleteRows) parts.push("delete the person's records");
      else if (erasure.changes.length) parts.push(`erase ${erasure.changes.map((c) => words(c.field)).join(", ")}`);
      for (const k of erasure.kept) parts.push(`keep ${words(k.field)}: ${k.reason}`);
      return { label: collection.description ?? collection.name, value: parts.length ? `${parts.join("; ")}.` : "Nothing personal to erase." };
    });
}

/** The lines for one system's task, from the map as it is now (null: the system is gone). */
export async function byHandLinesFor(tx: Prisma.TransactionClient, systemId: string): Promise<{ label: string; value: string }[]> {
  const map = await mapOnce(tx);
  const system = map.find((s) => s.id === systemId);
  return system ? byHandLines(system, referencedFieldIds(map)) : [];
}


/** The data map, read once per transaction however many tasks it writes. */
export function mapOnce(tx: Prisma.TransactionClient): Promise<MapSystem[]> {
  return perTransaction(tx, "data-map", () => loadDataMap(tx as unknown as Db));
}
