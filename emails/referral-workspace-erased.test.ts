import { describe, expect, it } from "vitest";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";
import ReferralWorkspaceErased from "@/emails/referral-workspace-erased";
import { renderEmail } from "@/lib/mail/render";

// The customer's privacy contacts read what the erasure they approved did in their workspace, and
// the proof, in their language; with no working link once the referral closed.

const props = {
  ...ReferralWorkspaceErased.PreviewProps,
  org: PREVIEW_ORGANIZATION,
  customerName: "Blumenhaus Berger GmbH",
  workspaceName: "Berger Kundendienst",
  reference: "DSR-REFR-0009",
  collections: [
    { name: "conversations", checked: 1, left: 0 },
    { name: "messages", checked: 3, left: 0 },
  ],
  referralUrl: "https://privacy.example/referrals/referral-token-9",
};

describe("referral-workspace-erased", () => {
  it("says what was erased in the workspace only, with the proof, and links to the referral page", async () => {
    const email = await renderEmail("referral-workspace-erased", props);
    expect(email.subject).toBe("Privacy request DSR-REFR-0009: the data in your workspace is erased");
    expect(email.text).toContain("We have carried it out: 4 rows deleted or changed, as the dry run you approved showed.");
    expect(email.text).toContain(`Nothing outside Berger Kundendienst was touched: not your other workspaces, and not ${PREVIEW_ORGANIZATION.legalName}'s own records.`);
    expect(email.text).toContain("Checked afterwards: we looked up all 4 rows again, and none still holds what was erased.");
    expect(email.text).toContain("messages: 3 rows erased, none left");
    expect(email.text).toContain("Open the request https://privacy.example/referrals/referral-token-9");
    expect(email.text).toContain("You received this because you are a privacy contact of Blumenhaus Berger GmbH");
  });

  it("says when rows still hold erased data, and leaves the link out once the referral closed", async () => {
    const email = await renderEmail("referral-workspace-erased", { ...props, left: 1, collections: [{ name: "messages", checked: 3, left: 1 }], referralUrl: null });
    expect(email.text).toContain("Checked afterwards: of 4 rows looked up again, 1 row still holds what was to be erased.");
    expect(email.text).toContain("messages: 3 rows erased, 1 still holding erased data");
    expect(email.text).not.toContain("Open the request");
  });

  it("is written in German for German customers", async () => {
    const email = await renderEmail("referral-workspace-erased", { ...props, language: "de" });
    expect(email.subject).toBe("Datenschutzantrag DSR-REFR-0009: Die Daten in Ihrem Workspace sind gelöscht");
    expect(email.html).toContain('lang="de"');
    expect(email.text).toContain("Danach geprüft: Wir haben alle 4 Zeilen erneut abgefragt, keine enthält noch gelöschte Daten.");
    expect(email.html).not.toContain("Open the request");
  });
});
