import type { IdentityType, MapCollection, MapField, MapSystem, SystemKind } from "@/lib/datamap/types";

// What a run will search, decided from the data map before anything runs (and shown to the
// officer first). Pure: no I/O, so the unit tests cover every shape of map.
//
// Collections are reached breadth-first: first those with a field holding one of the identities
// we have, then along the references. A reference is followed down, from the referenced field to
// the fields that point at it (found users -> their tickets, by tickets.requester_id -> users.id),
// and up, from a referencing field to the row it points at (found members -> their account, by
// members.account_id -> accounts.id). A collection reached only upwards is followed further up but
// never down again: the account of a member is hers to see, its other members are not.
// Each collection is visited once and only takes values from collections visited before it, so a
// cycle in the references ends where it closes.
// Customer workspace content (a collection with a workspace field) belongs to the customer who
// controls it: access and export runs leave it out and say so; only a workspace export (the
// customer's own request, on a referral) searches it, limited to the customer's workspaces.
// One task per system; a system whose lookups need values found in another system runs after it.
// A cycle between systems is broken in the order they were discovered: the lookup that would go
// backwards is left out (and the plan says so).

export type RunKind = "ACCESS" | "EXPORT" | "WORKSPACE_EXPORT" | "ERASURE" | "CORRECTION" | "WORKSPACE_ERASURE";

/** Kinds of system a run can change itself (lib/connectors/erase-sql.ts). */
const ERASABLE: readonly SystemKind[] = ["POSTGRES", "MYSQL"];

/** Runs that change the systems after an approval (erasures, corrections), rather than deliver a package. */
export const CHANGING_KINDS: readonly RunKind[] = ["ERASURE", "CORRECTION", "WORKSPACE_ERASURE"];

export function changesData(kind: RunKind): boolean {
  return CHANGING_KINDS.includes(kind);
}

/** Runs over a referred customer's workspace content (the operator as processor), scoped to its workspaces. */
export function isWorkspaceKind(kind: RunKind): boolean {
  return kind === "WORKSPACE_EXPORT" || kind === "WORKSPACE_ERASURE";
}

export type PlanSource =
  | { type: "identity"; identity: IdentityType }
  | { type: "field"; systemId: string; collectionId: string; collection: string; fieldId: string; field: string };

export type PlanLookup = { fieldId: string; field: string; from: PlanSource };

export type PlanCollection = {
  collectionId: string;
  name: string;
  /** How its records are found; several lookups on one field are merged into one query. */
  lookups: PlanLookup[];
  /** Limited to the run's workspaces (WORKSPACE_EXPORT and workspace content). */
  workspaceScoped: boolean;
  /** False for a collection searched only to reach workspace content (workspace exports). */
  inPackage: boolean;
};

export type PlanSystem = {
  systemId: string;
  key: string;
  name: string;
  kind: SystemKind;
  position: number;
  /** Systems whose records this one's lookups take values from. */
  dependsOn: string[];
  collections: PlanCollection[];
};

export type PlanSkipped = { systemId: string; key: string; name: string; kind: SystemKind; reason: string };

export type RunPlan = {
  version: 1;
  kind: RunKind;
  identityTypes: IdentityType[];
  systems: PlanSystem[];
  skipped: PlanSkipped[];
  /** Lookups left out to break a cycle between systems, in words. */
  notes: string[];
};

export type PlanInput = {
  systems: readonly MapSystem[];
  identityTypes: readonly IdentityType[];
  kind: RunKind;
};

type Node = { system: MapSystem; collection: MapCollection };
type Edge = { from: Node; fromField: MapField; to: Node; toField: MapField; up: boolean };

function index(systems: readonly MapSystem[], kind: RunKind) {
  const nodes = new Map<string, Node>();
  const fieldOwner = new Map<string, { node: Node; field: MapField }>();
  for (const system of systems) {
    if (system.kind === "MANUAL") continue;
    if (changesData(kind) && !ERASABLE.includes(system.kind)) continue;
    for (const collection of system.collections) {
      if (!isWorkspaceKind(kind) && collection.workspaceField) continue;
      const node = { system, collection };
      nodes.set(collection.id, node);
      for (const field of collection.fields) fieldOwner.set(field.id, { node, field });
    }
  }
  // Every reference between two mapped collections, down (to the referencing rows) and up.
  const edges = new Map<string, Edge[]>();
  const add = (e: Edge) => {
    const list = edges.get(e.from.collection.id) ?? [];
    list.push(e);
    edges.set(e.from.collection.id, list);
  };
  for (const { node, field } of fieldOwner.values()) {
    if (!field.referencesFieldId) continue;
    const target = fieldOwner.get(field.referencesFieldId);
    if (!target) continue;
    add({ from: node, fromField: field, to: target.node, toField: target.field, up: true });
    add({ from: target.node, fromField: target.field, to: node, toField: field, up: false });
  }
  return { nodes, edges };
}

type Reached = { node: Node; lookups: PlanLookup[]; sources: Set<string>; onlyUp: boolean };

/** Breadth-first over the references; `allowed` says whether values may flow between two systems. */
function traverse(
  nodes: Map<string, Node>,
  edges: Map<string, Edge[]>,
  identityTypes: readonly IdentityType[],
  allowed: (fromSystem: string, toSystem: string) => boolean,
): Reached[] {
  const reached = new Map<string, Reached>();
  const order: Reached[] = [];
  const visited = new Set<string>();
  const reach = (node: Node, lookup: PlanLookup, source: string | null, up: boolean) => {
    let r = reached.get(node.collection.id);
    if (!r) {
      r = { node, lookups: [], sources: new Set(), onlyUp: true };
      reached.set(node.collection.id, r);
      order.push(r);
    }
    r.lookups.push(lookup);
    if (!up) r.onlyUp = false;
    if (source) r.sources.add(source);
  };
  for (const node of nodes.values()) {
    for (const field of node.collection.fields) {
      if (field.identity && identityTypes.includes(field.identity)) {
        reach(node, { fieldId: field.id, field: field.name, from: { type: "identity", identity: field.identity } }, null, false);
      }
    }
  }
  // Every reach of a collection comes from one processed before it, so its lookups (and whether
  // it was reached only upwards) are final when its turn comes.
  for (let i = 0; i < order.length; i++) {
    const current = order[i]!;
    visited.add(current.node.collection.id);
    for (const edge of edges.get(current.node.collection.id) ?? []) {
      if (current.onlyUp && !edge.up) continue;
      const target = edge.to.collection.id;
      if (visited.has(target) || target === current.node.collection.id) continue;
      if (edge.to.system.id !== current.node.system.id && !allowed(current.node.system.id, edge.to.system.id)) continue;
      reach(
        edge.to,
        {
          fieldId: edge.toField.id,
          field: edge.toField.name,
          from: {
            type: "field",
            systemId: current.node.system.id,
            collectionId: current.node.collection.id,
            collection: current.node.collection.name,
            fieldId: edge.fromField.id,
            field: edge.fromField.name,
          },
        },
        current.node.collection.id,
        edge.up,
      );
    }
  }
  return order;
}

function systemDeps(order: Reached[], nodes: Map<string, Node>): Map<string, Set<string>> {
  const deps = new Map<string, Set<string>>();
  for (const r of order) {
    const own = r.node.system.id;
    const set = deps.get(own) ?? new Set<string>();
    for (const source of r.sources) {
      const sys = nodes.get(source)!.system.id;
      if (sys !== own) set.add(sys);
    }
    deps.set(own, set);
  }
  return deps;
}

/** Dependency order; when only a cycle is left, the system discovered first goes next. */
function orderSystems(discovery: string[], deps: Map<string, Set<string>>): string[] {
  const done: string[] = [];
  const remaining = [...discovery];
  while (remaining.length) {
    const ready = remaining.find((s) => [...(deps.get(s) ?? [])].every((d) => done.includes(d) || !remaining.includes(d)));
    const next = ready ?? remaining[0]!;
    done.push(next);
    remaining.splice(remaining.indexOf(next), 1);
  }
  return done;
}

export function buildPlan({ systems, identityTypes, kind }: PlanInput): RunPlan {
  const { nodes, edges } = index(systems, kind);
  const notes: string[] = [];
  if (!isWorkspaceKind(kind)) {
    for (const system of systems) {
      const workspace = system.collections.filter((c) => c.workspaceField).map((c) => c.name);
      if (workspace.length) {
        notes.push(
          `${system.name}: ${workspace.join(", ")} ${workspace.length === 1 ? "is" : "are"} customer workspace content and not searched: the customer who controls it answers for it (route the request to the customer, who can ask for a workspace export).`,
        );
      }
    }
  }

  // Pass 1, unconstrained: which systems need which, in the order they are discovered.
  const free = traverse(nodes, edges, identityTypes, () => true);
  const discovery = [...new Set(free.map((r) => r.node.system.id))];
  const rank = new Map(orderSystems(discovery, systemDeps(free, nodes)).map((id, i) => [id, i]));

  // Pass 2: values only flow from a system to those after it.
  const order = traverse(nodes, edges, identityTypes, (from, to) => rank.get(from)! < rank.get(to)!);
  const reachedIds = new Set(order.map((r) => r.node.collection.id));
  for (const r of free) {
    if (!reachedIds.has(r.node.collection.id)) {
      const via = r.lookups.find((l) => l.from.type === "field");
      const from = via?.from.type === "field" ? nodes.get(via.from.collectionId) : undefined;
      notes.push(
        `${r.node.system.name}: ${r.node.collection.name} is not searched: it is reached only through ${from ? `${from.system.name} (${from.collection.name})` : "another system"}, which runs after it (the systems reference each other in a cycle).`,
      );
    }
  }

  // Workspace exports keep workspace content and what leads to it; everything else is dropped.
  const inPackage = new Set<string>();
  let kept = order;
  if (isWorkspaceKind(kind)) {
    const needed = new Set<string>();
    for (let i = order.length - 1; i >= 0; i--) {
      const r = order[i]!;
      if (r.node.collection.workspaceField) {
        needed.add(r.node.collection.id);
        inPackage.add(r.node.collection.id);
      }
      if (needed.has(r.node.collection.id)) for (const s of r.sources) needed.add(s);
    }
    kept = order.filter((r) => needed.has(r.node.collection.id));
    for (const r of kept) r.lookups = r.lookups.filter((l) => l.from.type === "identity" || needed.has(l.from.collectionId));
  } else {
    for (const r of order) inPackage.add(r.node.collection.id);
  }

  const bySystem = new Map<string, Reached[]>();
  for (const r of kept) {
    const list = bySystem.get(r.node.system.id) ?? [];
    list.push(r);
    bySystem.set(r.node.system.id, list);
  }
  const deps = systemDeps(kept, nodes);
  const planned: PlanSystem[] = [];
  const skipped: PlanSkipped[] = [];
  const ranked = [...bySystem.keys()].sort((a, b) => rank.get(a)! - rank.get(b)!);
  const byId = new Map(systems.map((s) => [s.id, s]));
  for (const id of ranked) {
    const system = byId.get(id)!;
    planned.push({
      systemId: id,
      key: system.key,
      name: system.name,
      kind: system.kind,
      position: 0,
      dependsOn: [...(deps.get(id) ?? [])].sort((a, b) => rank.get(a)! - rank.get(b)!),
      collections: bySystem.get(id)!.map((r) => ({
        collectionId: r.node.collection.id,
        name: r.node.collection.name,
        lookups: r.lookups,
        workspaceScoped: isWorkspaceKind(kind) && r.node.collection.workspaceField !== null,
        inPackage: inPackage.has(r.node.collection.id),
      })),
    });
  }

  // Manual systems: a person looks, so there is always a task (for a workspace export, only when
  // the system holds workspace content). They produce files, never values for other lookups.
  for (const system of systems) {
    if (system.kind !== "MANUAL") continue;
    if (changesData(kind)) {
      skipped.push(skip(system, notChangedHere(system, kind)));
      continue;
    }
    const collections = system.collections.filter((c) => isWorkspaceKind(kind) === Boolean(c.workspaceField));
    if (collections.length === 0 && (isWorkspaceKind(kind) || system.collections.length > 0)) {
      skipped.push(skip(system, isWorkspaceKind(kind) ? "It holds no workspace content." : ONLY_WORKSPACE));
      continue;
    }
    planned.push({
      systemId: system.id,
      key: system.key,
      name: system.name,
      kind: system.kind,
      position: 0,
      dependsOn: [],
      collections: collections.map((c) => ({
        collectionId: c.id,
        name: c.name,
        lookups: [],
        workspaceScoped: isWorkspaceKind(kind),
        inPackage: true,
      })),
    });
  }
  planned.forEach((s, i) => (s.position = i));

  const plannedIds = new Set(planned.map((s) => s.systemId));
  for (const system of systems) {
    if (plannedIds.has(system.id) || skipped.some((s) => s.systemId === system.id)) continue;
    skipped.push(skip(system, skipReason(system, kind, identityTypes)));
  }
  return { version: 1, kind, identityTypes: [...identityTypes], systems: planned, skipped, notes };
}

function skip(system: MapSystem, reason: string): PlanSkipped {
  return { systemId: system.id, key: system.key, name: system.name, kind: system.kind, reason };
}

const ONLY_WORKSPACE = "It holds only customer workspace content, which the customer who controls it answers for.";

/**
 * Why a run that changes data leaves a manual or HTTP system to people: its owner gets a task at
 * the approval (lib/erasure/by-hand.ts, lib/corrections/by-hand.ts); a third party is told as a
 * recipient when the request completes (lib/recipients/notices.ts).
 */
function notChangedHere(system: MapSystem, kind: RunKind): string {
  if (kind === "WORKSPACE_ERASURE") {
    if (!system.collections.some((c) => c.workspaceField)) return "It holds no workspace content.";
    return "The portal cannot erase in this system itself: its owner is emailed a task to erase the workspace content there when the customer approves.";
  }
  const verb = kind === "CORRECTION" ? "correct" : "erase";
  return system.thirdParty
    ? `The portal cannot ${verb} in this system itself: the third party is told to ${verb} the person's data when the request is completed.`
    : `The portal cannot ${verb} in this system itself: its owner is emailed a task to ${verb} the person's data there when the ${kind === "CORRECTION" ? "correction" : "erasure"} is approved.`;
}

function skipReason(system: MapSystem, kind: RunKind, identityTypes: readonly IdentityType[]): string {
  if (system.collections.length === 0) return "No collections are mapped.";
  if (changesData(kind) && !ERASABLE.includes(system.kind)) return notChangedHere(system, kind);
  if (isWorkspaceKind(kind) && !system.collections.some((c) => c.workspaceField)) return "It holds no workspace content.";
  if (!isWorkspaceKind(kind) && system.collections.every((c) => c.workspaceField)) return ONLY_WORKSPACE;
  return `No collection holds one of the identities searched for (${identityTypes.map(identityLabel).join(", ")}) or references a collection that does.`;
}

const IDENTITY_LABELS: Record<IdentityType, string> = { email: "email", phone_number: "phone number", account_id: "account id" };

export function identityLabel(type: IdentityType): string {
  return IDENTITY_LABELS[type];
}

function describeLookup(lookup: PlanLookup, ownSystem: string, names: Map<string, string>): string {
  if (lookup.from.type === "identity") return `by ${lookup.field} (${identityLabel(lookup.from.identity)})`;
  const other = lookup.from.systemId !== ownSystem ? `${names.get(lookup.from.systemId) ?? "another system"}: ` : "";
  return `by ${lookup.field} from ${other}${lookup.from.collection}.${lookup.from.field}`;
}

/** The plan in words, system by system, as the officer sees it before the run starts. */
export function describePlan(plan: RunPlan): { systems: { name: string; lines: string[] }[]; skipped: string[]; notes: string[] } {
  const names = new Map(plan.systems.map((s) => [s.systemId, s.name]));
  return {
    systems: plan.systems.map((s) => {
      const lines: string[] = [];
      if (s.kind === "MANUAL") {
        const what = s.collections.length ? s.collections.map((c) => c.name).join(", ") : "anything about the person";
        lines.push(`Its owner is emailed a link to look for ${what} and answer.`);
      } else {
        if (s.dependsOn.length) lines.push(`After ${s.dependsOn.map((d) => names.get(d) ?? "another system").join(", ")}.`);
        for (const c of s.collections) {
          const how = c.lookups.map((l) => describeLookup(l, s.systemId, names)).join(", and ");
          const notes = [c.workspaceScoped ? "in the workspace only" : "", c.inPackage ? "" : "used to find others, not delivered"].filter(Boolean);
          lines.push(`${c.name} ${how}${notes.length ? ` (${notes.join("; ")})` : ""}`);
        }
      }
      return { name: s.name, lines };
    }),
    skipped: plan.skipped.map((s) => `${s.name}: ${s.reason}`),
    notes: plan.notes,
  };
}
