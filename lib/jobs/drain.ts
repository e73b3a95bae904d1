import "server-only";

// The due pass's loop over follow-ups (manual-task owners, told recipients): due rows a batch at a
// time, each step in its own transaction that locks its row with SKIP LOCKED (so several
// processes share the work), until none is due or a batch moves nothing on.

const BATCH = 20;
const MAX_BATCHES = 50;

/** Runs `step` over what `findDue(BATCH)` returns until done; counts the steps by their outcome. */
export async function drainDue<S extends string>(
  findDue: (take: number) => Promise<{ id: string }[]>,
  step: (id: string) => Promise<S | null>,
): Promise<Partial<Record<S, number>>> {
  const counts: Partial<Record<S, number>> = {};
  for (let pass = 0; pass < MAX_BATCHES; pass++) {
    const due = await findDue(BATCH);
    if (due.length === 0) break;
    let progressed = false;
    for (const { id } of due) {
      const outcome = await step(id);
      if (outcome !== null) counts[outcome] = (counts[outcome] ?? 0) + 1;
      progressed ||= outcome !== null;
    }
    if (!progressed || due.length < BATCH) break;
  }
  return counts;
}
