import "server-only";
import { wakeSignal } from "@/lib/jobs/wake-signal";

const signal = wakeSignal("outbox");
// Called after every commit that queued emails, which is also every commit that can queue webhook
// deliveries (lib/webhooks/deliver.ts): one call wakes both workers.
const webhooks = wakeSignal("webhooks");

/**
 * Asks the outbox worker (and the webhook worker) to look for due work now instead of at the next
 * poll. Cheap and safe to call from request code: it does nothing when no worker runs in this process.
 */
export function wakeOutboxWorker(): void {
  signal.wake();
  webhooks.wake();
}

/** Resolves after `ms`, or earlier when wakeOutboxWorker() is called (remembered while busy). */
export function waitForWake(ms: number, abort?: AbortSignal): Promise<void> {
  return signal.wait(ms, abort);
}
