import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { UNFINISHED_STATUSES } from "@/lib/requests/lifecycle";

/** `'A', 'B'`: constant values (enum members, never input) as an SQL list. */
export const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(", ");

/**
 * The requests not finished yet (UNFINISHED_STATUSES), as the queue, the overview's figures and
 * charts, and the digest all ask for them: one predicate, so the partial indexes' planner match
 * and the figures agree.
 */
export const UNFINISHED_SQL = Prisma.raw(`"status" IN (${sqlList(UNFINISHED_STATUSES)})`);
