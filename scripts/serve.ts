// The HTTP server the project runs Next in (`npm start`, `npm run dev`, the e2e tests), using
// Next's custom-server API. Started by scripts/next-server.ts as `serve.ts start|dev <port>`.
// Before Next sees a request it decides who sent it: route handlers and server actions never see
// the socket, so the client's address is written into X-Forwarded-For here, after every
// client-sent address header is dropped (lib/http/client-address.ts). And it reads a server
// action's body itself, so an oversized or malformed one gets a short 413/400 rather than a 500
// from Next with the body quoted in the log (lib/http/action-body.ts).
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { Readable } from "node:stream";
import next from "next";
import { getEnv } from "@/lib/env";
import { ACTION_BODY_LIMIT, isActionCall, isJsonActionBody, isWellFormedJsonAction } from "@/lib/http/action-body";
import { rewriteForwardingHeaders, trustedHops } from "@/lib/http/client-address";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv[2] === "dev";
const port = Number(process.argv[3] ?? process.env.PORT ?? 3000);
// Past this, an oversized body is cut off rather than read to the end to answer politely.
const DRAIN_LIMIT = 1024 * 1024;

const REFUSALS = {
  TOO_LARGE: { status: 413, text: `This form sent more than ${ACTION_BODY_LIMIT / 1024} KB, far more than any form here needs. Shorten what you entered and try again.\n` },
  MALFORMED: { status: 400, text: "This form could not be read. Reload the page and send it again.\n" },
} as const;

/** Codes only: a refused body is never logged, nor the path (status and referral links carry secrets). */
function refuse(res: ServerResponse, reason: keyof typeof REFUSALS, bytes: number, close = false): void {
  console.log(JSON.stringify({ level: "info", at: new Date().toISOString(), event: "action_body.refused", reason, bytes }));
  const { status, text } = REFUSALS[reason];
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...(close ? { connection: "close" } : {}) });
  res.end(text);
}

/**
 * The body, or its size when it is over the limit. An oversized body is still read to its end (up
 * to DRAIN_LIMIT), so the client has sent everything and reads the answer instead of a reset.
 */
function readActionBody(req: IncomingMessage): Promise<{ body: Buffer } | { tooLarge: number }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (outcome: { body: Buffer } | { tooLarge: number } | Error) => {
      req.off("data", onData).off("end", onEnd).off("error", settle).off("close", onClose);
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= ACTION_BODY_LIMIT) chunks.push(chunk);
      else if (size > DRAIN_LIMIT) settle({ tooLarge: size });
    };
    const onEnd = () => settle(size > ACTION_BODY_LIMIT ? { tooLarge: size } : { body: Buffer.concat(chunks) });
    const onClose = () => settle(new Error("the client closed the connection before its body ended"));
    req.on("data", onData).on("end", onEnd).on("error", settle).on("close", onClose);
  });
}

/**
 * Hands Next a request whose body is `body`, read already. The same replacement Next makes itself
 * when its proxy has read a body (next/dist/server/body-streams.js): the request keeps its socket,
 * headers and identity, with a fresh stream state that yields the buffered bytes.
 */
function replayBody(req: IncomingMessage, body: Buffer): void {
  const replay = new Readable({ read() {} });
  replay.push(body);
  replay.push(null);
  const target = req as unknown as Record<string, unknown>;
  for (const key in replay) {
    const value = (replay as unknown as Record<string, unknown>)[key];
    target[key] = typeof value === "function" ? value.bind(req) : value;
  }
}

/** Refuses a bad server-action body, or makes the request carry the body it read. Returns whether it answered. */
async function screenActionBody(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > DRAIN_LIMIT) {
    refuse(res, "TOO_LARGE", declared, true);
    return true;
  }
  const read = await readActionBody(req);
  if ("tooLarge" in read) {
    refuse(res, "TOO_LARGE", read.tooLarge, read.tooLarge > DRAIN_LIMIT);
    return true;
  }
  if (isJsonActionBody(req.headers["content-type"]) && !isWellFormedJsonAction(read.body)) {
    refuse(res, "MALFORMED", read.body.length);
    return true;
  }
  replayBody(req, read.body);
  return false;
}

const server = http.createServer();
const app = next({ dev, dir: root, port, httpServer: server });
await app.prepare();
// After prepare: Next has loaded .env files into process.env by now.
const hops = trustedHops(getEnv());
const handle = app.getRequestHandler();

server.on("request", async (req: IncomingMessage, res: ServerResponse) => {
  try {
    rewriteForwardingHeaders(req.headers, req.socket.remoteAddress, hops);
    if (isActionCall(req.method, req.headers) && (await screenActionBody(req, res))) return;
    await handle(req, res);
  } catch (error) {
    // A client that hung up mid-body, or a failure before Next took over: no body, no path logged.
    console.error(JSON.stringify({ level: "error", at: new Date().toISOString(), event: "server.request_failed", error: (error as Error)?.name }));
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    res.end();
  }
});

server.listen(port, () => {
  console.log(`> ${dev ? "development" : "production"} server on http://localhost:${port} (client address: ${hops ? `${hops} trusted proxy hop(s)` : "socket"})`);
});

// Stop accepting, let requests in flight finish, close Next, then exit (which ends the background jobs).
let stopping = false;
function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  server.close(() => void app.close().finally(() => process.exit(signal === "SIGINT" ? 130 : 143)));
  server.closeIdleConnections();
  // A kept-alive connection that never goes idle would hold the close forever.
  if (dev) server.closeAllConnections();
  else setTimeout(() => server.closeAllConnections(), 3000).unref();
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
