import "server-only";
import type { MapCollection, MapSystem } from "@/lib/datamap/types";
import { correctionErasures, type Proposal } from "@/lib/corrections/changes";
import { systemErasures, type CollectionErasure } from "@/lib/erasure/collection";
import { openJson } from "@/lib/fulfillment/records";
import type { PlanSystem, RunKind } from "@/lib/fulfillment/plan";

// What a run that changes data does to each planned collection: an erasure's come from the map's
// strategies; a correction's from the officer's sealed proposal. The execution, the dry run, the
// proof and the summaries all ask here, so they agree.

export type PlannedErasures = (planned: PlanSystem, system: MapSystem) => { collection: MapCollection; erasure: CollectionErasure }[];

/** The proposal sealed on a correction run; null before the officer proposed anything. */
export function openProposal(sealed: Uint8Array | null): Proposal | null {
  return sealed ? openJson<Proposal>(sealed) : null;
}

export function plannedErasures(run: { kind: RunKind; corrections: Uint8Array | null }, referenced: ReadonlySet<string>): PlannedErasures {
  if (run.kind !== "CORRECTION") return (planned, system) => systemErasures(planned, system, referenced);
  const changes = openProposal(run.corrections)?.changes ?? [];
  return (planned, system) => correctionErasures(planned, system, changes);
}
