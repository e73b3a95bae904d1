import { advanceClock, clockOffsetMs, now, resetClock } from "@/lib/clock";
import { getEnv } from "@/lib/env";
import { wakeJobWorker } from "@/lib/jobs/worker";

// Test-only: lets end-to-end tests move the app's clock (lib/clock.ts) instead of waiting days
// for a referral reminder. It exists only when TEST_CLOCK_ENABLED=true; never set that in production.

const MAX_ADVANCE_MS = 366 * 86_400_000;

function disabled(): Response | null {
  return getEnv().TEST_CLOCK_ENABLED ? null : new Response("Not found", { status: 404 });
}

function state(): Response {
  return Response.json({ now: now().toISOString(), offsetMs: clockOffsetMs() });
}

export async function GET(): Promise<Response> {
  return disabled() ?? state();
}

/** `{ "advanceMs": 432000000 }` moves the clock forward; `{ "reset": true }` returns to real time. */
export async function POST(request: Request): Promise<Response> {
  const off = disabled();
  if (off) return off;
  const body = (await request.json().catch(() => null)) as { advanceMs?: unknown; reset?: unknown } | null;
  if (body?.reset === true) {
    resetClock();
  } else if (typeof body?.advanceMs === "number" && Number.isInteger(body.advanceMs) && body.advanceMs > 0 && body.advanceMs <= MAX_ADVANCE_MS) {
    advanceClock(body.advanceMs);
  } else {
    return Response.json({ error: "Send { advanceMs: a positive whole number of milliseconds up to a year } or { reset: true }" }, { status: 400 });
  }
  // Work that the new time makes due runs now, not at the next poll.
  wakeJobWorker();
  return state();
}
