import fs from "node:fs";
import net from "node:net";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketHandler } from "@electric-sql/pglite-socket";
import { CycleQueue } from "@/lib/db/embedded-queue";

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
  // pg_trgm: the queue's search indexes (migration queue_search_trigram) need it loaded.
  const pglite = await PGlite.create(options.dataDir, { extensions: { pg_trgm } });
  const queue = new CycleQueue(pglite);
  const maxConnections = options.maxConnections ?? 32;
  const handlers = new Set<PGLiteSocketHandler>();
  // pglite-socket's own server, with our queue (see CycleQueue for why).
  const server = net.createServer((socket) => {
    if (handlers.size >= maxConnections) {
      socket.end();
      return;
    }
    const handler = new PGLiteSocketHandler({ queryQueue: queue as never, closeOnDetach: true });
    handlers.add(handler);
    const forget = () => handlers.delete(handler);
    handler.addEventListener("close", forget);
    handler.addEventListener("error", forget);
    handler.attach(socket).catch(() => {
      forget();
      socket.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => resolve());
  });
  return {
    url: `postgresql://postgres@${host}:${options.port}/postgres?sslmode=disable`,
    stop: async () => {
      for (const handler of handlers) await handler.detach(true);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pglite.close();
    },
  };
}
