import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

/** Polls `check` every 100 ms until it holds; throws after `timeoutMs`. */
export async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The app's job worker in a process of its own (lib/fulfillment/worker-process.ts), as a
 * production instance runs it, for tests that kill it with SIGKILL mid-task.
 */
export function spawnWorkerProcess(env: Record<string, string> = {}): { child: ChildProcess; exited: Promise<unknown> } {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "../fulfillment/worker-process.ts")], {
    env: { ...process.env, WORKER_ENABLED: "true", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return { child, exited: new Promise((resolve) => child.once("exit", resolve)) };
}
