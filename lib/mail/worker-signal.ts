import "server-only";
import { EventEmitter } from "node:events";

// Held on globalThis because Next can load this module more than once in one process (route
// bundles, instrumentation, dev reloads); every copy must reach the one running worker.
type Signal = { emitter: EventEmitter; pending: boolean };
const globalForSignal = globalThis as unknown as { dsarOutboxSignal?: Signal };
const signal: Signal = (globalForSignal.dsarOutboxSignal ??= { emitter: new EventEmitter(), pending: false });
signal.emitter.setMaxListeners(0);

/**
 * Asks the outbox worker to look for due emails now instead of at its next poll. Cheap and safe
 * to call from request code: it does nothing when no worker runs in this process.
 */
export function wakeOutboxWorker(): void {
  signal.pending = true;
  signal.emitter.emit("wake");
}

/**
 * Resolves after `ms`, or earlier on a wake-up. A wake-up that came while the worker was busy is
 * remembered, so an email queued during a delivery pass is not left waiting for the next poll.
 */
export function waitForWake(ms: number, abort?: AbortSignal): Promise<void> {
  if (signal.pending || abort?.aborted) {
    signal.pending = false;
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.emitter.off("wake", done);
      abort?.removeEventListener("abort", done);
      signal.pending = false;
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.emitter.on("wake", done);
    abort?.addEventListener("abort", done, { once: true });
  });
}
