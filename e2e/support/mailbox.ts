import { expect } from "@playwright/test";

export type Mail = { id: string; to: string[]; from: string; subject: string; text: string; html: string; date: string };

const api = () => process.env.E2E_MAIL_API ?? "http://127.0.0.1:1080";

export async function messagesTo(address: string): Promise<Mail[]> {
  const response = await fetch(`${api()}/api/messages?to=${encodeURIComponent(address)}`);
  if (!response.ok) throw new Error(`mail catcher answered ${response.status}`);
  return (await response.json()) as Mail[];
}

/** Waits for the newest email to `address` whose subject matches, as a person waits for their inbox. */
export async function waitForMail(address: string, subject: RegExp, count = 1): Promise<Mail> {
  let found: Mail[] = [];
  await expect
    .poll(async () => {
      found = (await messagesTo(address)).filter((m) => subject.test(m.subject));
      return found.length;
    }, { message: `waiting for ${count} email(s) matching ${subject}`, timeout: 20_000 })
    .toBeGreaterThanOrEqual(count);
  return found[0]!;
}

export function codeIn(mail: Mail): string {
  const match = mail.text.match(/\b(\d{6})\b/);
  if (!match) throw new Error("no 6-digit code in the email");
  return match[1]!;
}

export function linkIn(mail: Mail, pathPart: string): string {
  const link = (mail.text.match(/https?:\/\/[^\s<>"\])]+/g) ?? []).find((url) => url.includes(pathPart));
  if (!link) throw new Error(`no ${pathPart} link in the email`);
  return link;
}

export function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}
