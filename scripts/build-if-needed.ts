import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const INPUTS = ["app", "components", "lib", "emails", "public", "prisma/schema.prisma", "next.config.ts", "proxy.ts", "instrumentation.ts", "package-lock.json", "tsconfig.json", "postcss.config.mjs"];

/** A hash of everything `next build` reads, so we rebuild only when something changed. */
function sourceHash(): string {
  const hash = createHash("sha256");
  const visit = (entry: string) => {
    const full = path.join(root, entry);
    if (!fs.existsSync(full)) return;
    if (fs.statSync(full).isDirectory()) {
      for (const child of fs.readdirSync(full).sort()) visit(path.join(entry, child));
    } else if (!entry.endsWith(".test.ts") && !entry.endsWith(".test.tsx")) {
      hash.update(entry).update(fs.readFileSync(full));
    }
  };
  INPUTS.forEach(visit);
  return hash.digest("hex");
}

/**
 * Builds unless the last build had the same sources. Asynchronous on purpose: the caller may be
 * serving the embedded database the build's prerendering reads (a blocked event loop would hang it).
 */
export async function buildIfNeeded(env: NodeJS.ProcessEnv, say: (line: string) => void): Promise<void> {
  const distDir = path.join(root, env.NEXT_DIST_DIR ?? ".next");
  const stamp = path.join(distDir, "source-hash");
  const current = sourceHash();
  if (fs.existsSync(path.join(distDir, "BUILD_ID")) && fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === current) {
    say("build is up to date");
    return;
  }
  say("building the app (a minute or two the first time)…");
  const status = await new Promise<number | null>((resolve, reject) => {
    const child = spawn("npx", ["next", "build"], { cwd: root, stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
    child.on("error", reject);
    child.on("exit", (code) => resolve(code));
  });
  if (status !== 0) throw new Error("next build failed");
  fs.writeFileSync(stamp, current);
}
