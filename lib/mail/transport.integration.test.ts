import { describe, expect, it } from "vitest";
import { createSmtpTransport } from "@/lib/mail/transport";
import { startSmtpSink } from "@/lib/testing/smtp-sink";

describe("createSmtpTransport", () => {
  // With Nagle's algorithm on, the end of each message waits for the server's delayed
  // acknowledgement (40 ms on Linux): one connection then carries about 20 emails a second
  // whatever the machine, which held the whole outbox under 100 a second.
  it("sends one message after another without waiting out the server's delayed acknowledgement", async () => {
    const sink = await startSmtpSink();
    try {
      const transport = createSmtpTransport(sink.url);
      const message = (n: number) => ({
        from: "privacy@jexi.test",
        to: "person@example.com",
        subject: `Message ${n}`,
        html: `<p>${"A realistic body. ".repeat(350)}</p>`,
        text: "A realistic body. ".repeat(40),
        messageId: `<transport-${n}@localhost>`,
      });
      await transport.send(message(0));
      const took: number[] = [];
      for (let n = 1; n <= 21; n++) {
        const started = performance.now();
        await transport.send(message(n));
        took.push(performance.now() - started);
      }
      const median = took.sort((a, b) => a - b)[10]!;
      // A few milliseconds here; never under 40 with Nagle on.
      expect(median).toBeLessThan(30);
      expect(sink.accepted).toHaveLength(22);
    } finally {
      await sink.close();
    }
  });
});
