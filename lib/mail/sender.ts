/**
 * The From header: MAIL_FROM when set (the operator's verified sending address), else
 * "<product> Privacy <privacy email>" so replies reach the privacy team.
 */
export function senderAddress(
  mailFrom: string | undefined,
  org: { productName: string; privacyEmail: string },
): string {
  if (mailFrom?.trim()) return mailFrom.trim();
  // Quoted so a product name with a comma or dot does not split into two addresses.
  const name = `${org.productName} Privacy`.replace(/[\\"]/g, "\\$&");
  return `"${name}" <${org.privacyEmail}>`;
}

/**
 * `<outbox-id@host>`: the same for every attempt at one outbox row, so a message sent twice (see
 * the crash window in worker.ts) carries one Message-ID and reads as a duplicate.
 */
export function outboxMessageId(outboxId: string, appUrl: string): string {
  return `<${outboxId}@${new URL(appUrl).hostname}>`;
}
