import "server-only";
import { EventEmitter } from "node:events";

// A worker's doorbell. Held on globalThis because Next can load a module more than once in one
// process (route bundles, instrumentation, dev reloads); every copy must reach the one running worker.
type Signal = { emitter: EventEmitter; pending: boolean };
const globalForSignals = globalThis as unknown as { dsarWakeSignals?: Map<string, Signal> };
const signals = (globalForSignals.dsarWakeSignals ??= new Map<string, Signal>());

export type WakeSignal = {
  /** Asks the worker to run now instead of at its next poll. Does nothing when no worker runs. */
  wake(): void;
  /**
   * Resolves after `ms`, or earlier on a wake-up. A wake-up that came while the worker was busy
   * is remembered, so work queued during a pass is not left waiting for the next poll.
   */
  wait(ms: number, abort?: AbortSignal): Promise<void>;
};

export function wakeSignal(name: string): WakeSignal {
  let signal = signals.get(name);
  if (!signal) {
    signal = { emitter: new EventEmitter(), pending: false };
    signal.emitter.setMaxListeners(0);
    signals.set(name, signal);
  }
  const s = signal;
  return {
    wake() {
      s.pending = true;
      s.emitter.emit("wake");
    },
    wait(ms, abort) {
      if (s.pending || abort?.aborted) {
        s.pending = false;
        return Promise.resolve();
      }
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          s.emitter.off("wake", done);
          abort?.removeEventListener("abort", done);
          s.pending = false;
          resolve();
        };
        const timer = setTimeout(done, ms);
        s.emitter.on("wake", done);
        abort?.addEventListener("abort", done, { once: true });
      });
    },
  };
}
