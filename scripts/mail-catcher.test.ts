import nodemailer from "nodemailer";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { freePort } from "@/lib/testing/test-database";
import { startMailCatcher, type MailCatcher } from "@/scripts/mail-catcher";
import { linkify } from "@/scripts/mail-catcher-pages";

let catcher: MailCatcher;
let base: string;

async function send(message: nodemailer.SendMailOptions) {
  const transport = nodemailer.createTransport(`smtp://127.0.0.1:${catcher.smtpPort}`);
  await transport.sendMail({ from: '"Jexi Privacy" <hello@jexi.com>', ...message });
}

beforeAll(async () => {
  catcher = await startMailCatcher({ smtpPort: await freePort(), httpPort: await freePort() });
  base = `http://127.0.0.1:${catcher.httpPort}`;
});

afterAll(() => catcher?.stop());

beforeEach(async () => {
  expect((await fetch(`${base}/api/messages`, { method: "DELETE" })).status).toBe(204);
});

describe("mail catcher", () => {
  it("lists received messages newest first, filtered by recipient regardless of case", async () => {
    await send({ to: "First@Example.com", subject: "one", text: "first body", html: "<p>first</p>" });
    await send({ to: "second@example.com", cc: "first@example.com", subject: "two", text: "second body" });
    await send({ to: "other@example.com", subject: "three", text: "third body" });

    const all = (await (await fetch(`${base}/api/messages`)).json()) as { subject: string }[];
    expect(all.map((m) => m.subject)).toEqual(["three", "two", "one"]);

    const res = await fetch(`${base}/api/messages?to=${encodeURIComponent("FIRST@example.COM")}`);
    expect(res.headers.get("content-type")).toContain("application/json");
    const mine = (await res.json()) as Record<string, unknown>[];
    expect(mine.map((m) => m.subject)).toEqual(["two", "one"]);
    expect(mine[1]).toMatchObject({
      to: ["First@example.com"],
      from: "Jexi Privacy <hello@jexi.com>",
      subject: "one",
      text: expect.stringContaining("first body"),
      html: expect.stringContaining("<p>first</p>"),
    });
    expect(Date.parse(String(mine[1]?.date))).not.toBeNaN();
    expect(mine[1]?.id).toEqual(expect.any(String));
  });

  it("forgets everything on DELETE", async () => {
    await send({ to: "a@example.com", subject: "gone", text: "x" });
    await fetch(`${base}/api/messages`, { method: "DELETE" });
    expect(await (await fetch(`${base}/api/messages`)).json()).toEqual([]);
  });

  it("escapes what senders control in the inbox and shows the HTML only in a sandboxed frame", async () => {
    await send({
      to: "x@example.com",
      subject: "<img src=x onerror=alert(1)>",
      text: "Open https://portal.test/status/abc?x=1&y=2.",
      html: `<p>hi</p><script>alert("html")</script><a href="https://portal.test/verify/t">go</a>`,
    });
    const inbox = await (await fetch(`${base}/`)).text();
    expect(inbox).not.toContain("<img src=x");
    expect(inbox).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(inbox).toMatch(/<th scope="col">Subject<\/th>/);

    const [message] = (await (await fetch(`${base}/api/messages`)).json()) as { id: string }[];
    const res = await fetch(`${base}/messages/${message!.id}`);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const page = await res.text();
    expect(page).not.toContain("<script>");
    expect(page).toContain('<iframe title="HTML part of the message" sandbox="allow-popups allow-popups-to-escape-sandbox" srcdoc="');
    expect(page).toContain("&lt;script&gt;alert(&quot;html&quot;)&lt;/script&gt;");
    expect(page).toContain('<a href="https://portal.test/status/abc?x=1&amp;y=2">');
    expect(page).toContain('<li><a href="https://portal.test/verify/t">');
  });

  it("answers 404 for an unknown message", async () => {
    expect((await fetch(`${base}/messages/999999`)).status).toBe(404);
    expect((await fetch(`${base}/api/messages/999999`)).status).toBe(404);
  });
});

describe("linkify", () => {
  it("makes links clickable, leaves a sentence's full stop outside and escapes the rest", () => {
    expect(linkify("See https://a.test/x?y=1&z=2. <b>")).toBe(
      'See <a href="https://a.test/x?y=1&amp;z=2">https://a.test/x?y=1&amp;z=2</a>. &lt;b&gt;',
    );
  });

  it("links nothing but http and https", () => {
    expect(linkify("javascript:alert(1) ftp://x")).toBe("javascript:alert(1) ftp://x");
  });
});
