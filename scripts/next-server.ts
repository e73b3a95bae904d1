import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const serverFile = path.join(root, "scripts", "serve.ts");

export type NextServer = { process: ChildProcess; stop: () => Promise<void> };

/**
 * Runs the project's server (scripts/serve.ts: Next behind a node:http server that decides the
 * client's address and screens server-action bodies) in production (`start`) or development
 * (`dev`) mode, as its own process group, and stops the whole group: killing a wrapper leaves the
 * real server running, still polling a database that is gone. With stdio "pipe" the caller reads
 * the server's output from `process.stdout` and `process.stderr`.
 */
export function startNextServer(mode: "start" | "dev", port: number, env: NodeJS.ProcessEnv, stdio: "inherit" | "ignore" | "pipe" = "inherit"): NextServer {
  const child = spawn(process.execPath, ["--import", "tsx", serverFile, mode, String(port)], {
    cwd: root,
    env: { ...env, NODE_ENV: mode === "dev" ? "development" : "production" },
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
