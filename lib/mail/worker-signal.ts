import "server-only";
import { wakeSignal } from "@/lib/jobs/wake-signal";

const signal = wakeSignal("outbox");

/**
 * Asks the outbox worker to look for due emails now instead of at its next poll. Cheap and safe
 * to call from request code: it does nothing when no worker runs in this process.
 */
export function wakeOutboxWorker(): void {
  signal.wake();
}

/** Resolves after `ms`, or earlier when wakeOutboxWorker() is called (remembered while busy). */
export function waitForWake(ms: number, abort?: AbortSignal): Promise<void> {
  return signal.wait(ms, abort);
}
