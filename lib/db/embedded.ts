import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedPostgres = { url: string; stop: () => Promise<void> };

/**
 * PGlite (PostgreSQL compiled to WebAssembly) served over the real PostgreSQL wire protocol, so
 * the app's node-postgres adapter talks to it unchanged. Data persists in `dataDir`.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  host?: string;
  maxConnections?: number;
}): Promise<EmbeddedPostgres> {
  const host = options.host ?? "127.0.0.1";
  fs.mkdirSync(options.dataDir, { recursive: true });
  const pglite = await PGlite.create(options.dataDir);
  const server = new PGLiteSocketServer({
    db: pglite,
    host,
    port: options.port,
    maxConnections: options.maxConnections ?? 32,
  });
  await server.start();
  return {
    url: `postgresql://postgres@${host}:${options.port}/postgres?sslmode=disable`,
    stop: async () => {
      await server.stop();
      await pglite.close();
    },
  };
}
