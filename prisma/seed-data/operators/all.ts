import { agentPlatform } from "./agent-platform";
import { blank } from "./blank";
import { connexcs } from "./connexcs";
import { jexi } from "./jexi";
import type { OperatorSeed } from "./types";

/** The demo operators the portal can be set up as, and a blank start of one's own; Jexi is the default. */
export const OPERATORS: readonly OperatorSeed[] = [jexi, agentPlatform, connexcs, blank];
export const DEFAULT_OPERATOR = jexi.key;
/** The operator's own portal: its settings and policy are the admin's, never the seed's. */
export const BLANK_OPERATOR = blank.key;

/** The operator named on the command line or in DEMO_OPERATOR; an unknown name lists the known ones. */
export function operatorNamed(key: string): OperatorSeed {
  const found = OPERATORS.find((o) => o.key === key.trim().toLowerCase());
  if (!found) throw new UnknownOperatorError(`There is no demo operator "${key}". Choose one of: ${OPERATORS.map((o) => o.key).join(", ")}.`);
  return found;
}

export class UnknownOperatorError extends Error {}

/** A database already set up as another operator: its published policy cannot be replaced. */
export class OperatorMismatchError extends Error {}

type StoredVersion = { version: string; summary: string };

/** The demo operator whose seeded policy versions a database holds, or null (empty, or none of theirs). */
export function operatorOfVersions(stored: readonly StoredVersion[]): OperatorSeed | null {
  return OPERATORS.find((o) => stored.some((v) => seededBy(o, v))) ?? null;
}

const seededBy = (operator: OperatorSeed, stored: StoredVersion) => operator.policyVersions.some((p) => p.version === stored.version && p.summary === stored.summary);

/**
 * Refuses to set up `operator` on a database that holds another's policy. Published versions can
 * never be changed or deleted (a trigger refuses it), so the only way to another operator is an
 * empty database. An empty database, or one that holds this operator's own policy, passes.
 * Versions are told apart by their version and summary, which no one can change once published.
 */
export function refuseOtherOperator(operator: OperatorSeed, stored: readonly StoredVersion[]): void {
  if (stored.length === 0 || stored.some((v) => seededBy(operator, v))) return;
  const owner = operatorOfVersions(stored);
  // Versions no demo operator seeded: the admin's own (a blank start), or published by hand on a
  // database that predates this check, where the default goes on as it always did; another demo
  // operator would mix its policy with them.
  if (!owner && (operator.key === BLANK_OPERATOR || operator.key === DEFAULT_OPERATOR)) return;
  const versions = stored.map((v) => v.version).join(", ");
  throw new OperatorMismatchError(
    `This database is already set up as ${owner ? owner.name : "another operator"} (policy versions ${versions}), so it cannot be set up as ${operator.name}. ` +
      "Start with an empty database: remove .data/ or point DATABASE_URL at a new database.",
  );
}
