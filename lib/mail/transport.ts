import "server-only";
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
      transporter ??= nodemailer.createTransport(new SMTPPool({ ...TIMEOUTS, pool: true, maxConnections: 4, maxMessages: 200, url: url ?? getEnv().SMTP_URL }));
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
