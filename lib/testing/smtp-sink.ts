import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type SmtpSink = {
  url: string;
  /** Message-IDs whose data reached the server, in order: the send is in flight from then on. */
  arrived: string[];
  /** Message-IDs the server answered 250 for, in order. */
  accepted: string[];
  close(): Promise<void>;
};

/**
 * A real SMTP server that reads only each message's headers and records its Message-ID, then
 * accepts it after `delayMs` (a slow server). Cheaper than scripts/mail-catcher.ts, which parses
 * whole messages, so it measures and counts without getting in the way.
 */
export async function startSmtpSink(options: { port?: number; delayMs?: number } = {}): Promise<SmtpSink> {
  const arrived: string[] = [];
  const accepted: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    closeTimeout: 500,
    onData(stream, _session, callback) {
      let head = "";
      let headDone = false;
      stream.on("data", (chunk: Buffer) => {
        if (headDone) return;
        head += chunk.toString("latin1");
        const end = head.indexOf("\r\n\r\n");
        if (end >= 0) [head, headDone] = [head.slice(0, end), true];
      });
      stream.on("end", () => {
        const messageId = /^message-id:\s*(<[^>\r\n]+>)/im.exec(head)?.[1] ?? "(none)";
        arrived.push(messageId);
        const accept = () => (accepted.push(messageId), callback());
        if (options.delayMs) setTimeout(accept, options.delayMs);
        else accept();
      });
    },
  });
  // A client that disconnects mid-message (a killed worker) is not an error of the sink.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    arrived,
    accepted,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
