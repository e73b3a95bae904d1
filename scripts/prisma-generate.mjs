// Runs `prisma generate` without the native schema engine that Prisma's CLI would otherwise
// download first: the `prisma-client` generator does not use it, so any executable satisfies the
// check. Set PRISMA_SCHEMA_ENGINE_BINARY yourself to use a real engine.
import { spawnSync } from "node:child_process";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
const result = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
