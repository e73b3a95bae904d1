import "server-only";
import net from "node:net";
import nodemailer, { type Transporter } from "nodemailer";
import SMTPPool from "nodemailer/lib/smtp-pool";
import { getEnv } from "@/lib/env";

export type MailMessage = {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Full Message-ID header value, angle brackets included. */
  messageId: string;
  headers?: Record<string, string>;
};

/** What the worker needs from a mail server; tests hand it their own. */
export type MailTransport = {
  send(message: MailMessage): Promise<{ messageId: string }>;
};

// A down or unreachable SMTP server must fail a send in seconds, not the two minutes nodemailer
// waits by default, or one dead server stalls the whole outbox. Query parameters in SMTP_URL
// (e.g. ?connectionTimeout=20000) override these.
const TIMEOUTS = { connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 20_000, dnsTimeout: 5_000 };

// Connections in the pool, each sending one message at a time. With Nagle off one connection
// carries about 200 messages a second to a local server (bench/outbox.ts), so 4 leave room for a
// slower, remote one without opening more than mail providers usually allow at once.
const POOL_CONNECTIONS = 4;

/**
 * Connections with Nagle's algorithm off. nodemailer writes a message's closing "\r\n.\r\n" as a
 * small segment of its own; with Nagle on, the kernel holds it until the server acknowledges the
 * previous segment, and servers delay that acknowledgement by up to 40 ms: one connection then
 * carried about 20 messages a second (bench/outbox.ts). nodemailer takes a connection handed over
 * here as its own: it wraps it in TLS for smtps:// and upgrades it on STARTTLS, and its greeting
 * and socket timeouts still bound a server that never answers.
 */
function noDelayConnection(
  options: { host?: string; port?: number; secure?: boolean },
  callback: (error: Error | null, socketOptions: { connection: net.Socket }) => void,
): void {
  const connection = net.connect({ host: options.host, port: options.port || (options.secure ? 465 : 587) });
  connection.setNoDelay(true);
  callback(null, { connection });
}

/**
 * An SMTP transport for `url` (default SMTP_URL). Nothing is resolved or opened until the first
 * send, so importing or building this never touches the network or the environment.
 */
export function createSmtpTransport(url?: string): MailTransport {
  let transporter: Transporter | undefined;
  return {
    async send(message) {
      // Built through SMTPPool because nodemailer.createTransport({ url, ...options }) keeps only
      // what the URL says and would drop the timeouts. A pool reuses a few connections instead of
      // a handshake per email, so a burst of requests doesn't leave the outbox behind.
      transporter ??= nodemailer.createTransport(
        new SMTPPool({
          ...TIMEOUTS,
          pool: true,
          maxConnections: POOL_CONNECTIONS,
          maxMessages: 200,
          getSocket: noDelayConnection,
          url: url ?? getEnv().SMTP_URL,
        }),
      );
      const info = await transporter.sendMail({
        ...message,
        // Message content is our own, but nodemailer would otherwise follow file paths and URLs
        // given as content; nothing we send needs that.
        disableFileAccess: true,
        disableUrlAccess: true,
      });
      return { messageId: info.messageId };
    },
  };
}

const globalForMail = globalThis as unknown as { dsarMailTransport?: MailTransport };

/** The process-wide transport from SMTP_URL, built on first use. */
export function getMailTransport(): MailTransport {
  return (globalForMail.dsarMailTransport ??= createSmtpTransport());
}
