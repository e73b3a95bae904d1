import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

export type NextServer = { process: ChildProcess; stop: () => Promise<void> };

/**
 * Runs `next start|dev` as its own process group and stops the whole group: killing an `npx`
 * wrapper leaves the real server running, still polling a database that is gone.
 */
export function startNextServer(mode: "start" | "dev", port: number, env: NodeJS.ProcessEnv, stdio: "inherit" | "ignore" = "inherit"): NextServer {
  const child = spawn(process.execPath, [nextBin, mode, "-p", String(port)], {
    cwd: root,
    env,
    stdio: ["ignore", stdio, stdio],
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    process: child,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          // already gone
        }
      }, 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
