// A local stand-in for a mail server: accepts every email over SMTP, keeps the latest in memory
// and shows them on a small web page and a JSON API (for end-to-end tests). For development and
// tests only: it delivers nothing and anyone who can reach its ports can read what it holds,
// which is why it listens on 127.0.0.1 unless told otherwise.
//
//   npm run mail   SMTP on 1025, inbox on http://localhost:1080
//   GET    /api/messages?to=addr   [{ id, to, from, subject, text, html, date, messageId }] newest first
//   GET    /api/messages/:id       one message
//   DELETE /api/messages           forget them all
import http from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import PostalMime, { type Address } from "postal-mime";
import { SMTPServer } from "smtp-server";
import { inboxPage, messagePage, notFoundPage, type CaughtMessage } from "@/scripts/mail-catcher-pages";

export type { CaughtMessage };

const KEEP = 500;
const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

export type MailCatcher = {
  smtpPort: number;
  httpPort: number;
  /** Newest first. */
  messages(): CaughtMessage[];
  stop(): Promise<void>;
};

export async function startMailCatcher(options: {
  smtpPort: number;
  httpPort: number;
  host?: string;
}): Promise<MailCatcher> {
  const host = options.host ?? "127.0.0.1";
  // Oldest first; pages and the API reverse it.
  let store: CaughtMessage[] = [];
  let nextId = 1;

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    secure: false,
    size: MAX_MESSAGE_BYTES,
    logger: false,
    // Stopping should not wait the default 30 s for idle clients to hang up.
    closeTimeout: 1_000,
    banner: "mail catcher: nothing is delivered",
    // Any credentials work, so the app can be pointed here with its production-style SMTP_URL.
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? "anonymous" });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", (error) => callback(error));
      stream.on("end", () => {
        if (stream.sizeExceeded) {
          callback(Object.assign(new Error("Message exceeds the size limit"), { responseCode: 552 }));
          return;
        }
        PostalMime.parse(Buffer.concat(chunks)).then(
          (email) => {
            store.push({
              id: String(nextId++),
              to: session.envelope.rcptTo.map((r) => r.address),
              from: formatFrom(email.from) ?? (session.envelope.mailFrom ? session.envelope.mailFrom.address : ""),
              subject: email.subject ?? "",
              text: email.text ?? "",
              html: email.html ?? "",
              date: new Date().toISOString(),
              messageId: email.messageId ?? null,
            });
            if (store.length > KEEP) store = store.slice(-KEEP);
            callback();
          },
          () => callback(Object.assign(new Error("Could not parse the message"), { responseCode: 554 })),
        );
      });
    },
  });
  smtp.on("error", (error) => console.error(`[mail-catcher] SMTP error: ${error.message}`));

  const newestFirst = (to?: string | null) => {
    const wanted = to?.trim().toLowerCase();
    const list = wanted ? store.filter((m) => m.to.some((a) => a.toLowerCase() === wanted)) : store;
    return [...list].reverse();
  };

  const web = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://catcher.invalid");
    const method = req.method ?? "GET";
    const path = url.pathname;
    const detail = /^\/(?:api\/)?messages\/([^/]+)$/.exec(path);
    const found = detail ? store.find((m) => m.id === decodeURIComponent(detail[1] ?? "")) : undefined;

    if (method === "GET" && path === "/") {
      const filter = url.searchParams.get("to") ?? "";
      return sendHtml(res, 200, inboxPage(newestFirst(filter), { smtp: `${host}:${smtpPort()}`, filter }));
    }
    if (method === "GET" && path.startsWith("/messages/")) {
      return found ? sendHtml(res, 200, messagePage(found)) : sendHtml(res, 404, notFoundPage());
    }
    if (method === "POST" && path === "/clear") {
      store = [];
      res.writeHead(303, { location: "/" }).end();
      return;
    }
    if (method === "GET" && path === "/api/messages") {
      return sendJson(res, 200, newestFirst(url.searchParams.get("to")));
    }
    if (method === "GET" && path.startsWith("/api/messages/")) {
      return found ? sendJson(res, 200, found) : sendJson(res, 404, { error: "not found" });
    }
    if (method === "DELETE" && path === "/api/messages") {
      store = [];
      res.writeHead(204).end();
      return;
    }
    sendJson(res, 404, { error: "not found" });
  });

  await new Promise<void>((resolve, reject) => {
    smtp.server.once("error", reject);
    smtp.listen(options.smtpPort, host, () => resolve());
  });
  try {
    await new Promise<void>((resolve, reject) => {
      web.once("error", reject);
      web.listen(options.httpPort, host, () => resolve());
    });
  } catch (error) {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    throw error;
  }
  function smtpPort() {
    return (smtp.server.address() as AddressInfo).port;
  }
  const httpPort = (web.address() as AddressInfo).port;
  const boundSmtpPort = smtpPort();

  return {
    smtpPort: boundSmtpPort,
    httpPort,
    messages: () => newestFirst(),
    async stop() {
      web.closeAllConnections();
      await Promise.all([
        new Promise<void>((resolve) => web.close(() => resolve())),
        new Promise<void>((resolve) => smtp.close(() => resolve())),
      ]);
    },
  };
}

function formatFrom(from: Address | undefined): string | undefined {
  if (!from?.address) return undefined;
  return from.name ? `${from.name} <${from.address}>` : from.address;
}

// The pages show content any SMTP client can send; the policy forbids scripts and anything that
// would load from elsewhere except images, which emails commonly link.
const HTML_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy":
    "default-src 'none'; style-src 'unsafe-inline'; img-src data: http: https:; form-action 'self'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "cache-control": "no-store",
};

function sendHtml(res: http.ServerResponse, status: number, body: string) {
  res.writeHead(status, HTML_HEADERS).end(body);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  res
    .writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" })
    .end(JSON.stringify(body));
}

const runDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runDirectly) {
  const catcher = await startMailCatcher({
    smtpPort: Number(process.env.MAIL_CATCHER_SMTP_PORT ?? 1025),
    httpPort: Number(process.env.MAIL_CATCHER_HTTP_PORT ?? 1080),
  });
  console.log(`[mail-catcher] SMTP on smtp://127.0.0.1:${catcher.smtpPort}`);
  console.log(`[mail-catcher] inbox on http://localhost:${catcher.httpPort}`);
  const stop = () => void catcher.stop().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
