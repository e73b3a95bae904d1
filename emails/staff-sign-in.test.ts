import { describe, expect, it } from "vitest";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";
import { durationWords } from "@/lib/dates/duration";
import { renderEmail } from "@/lib/mail/render";

// Issue 13, point 2: an invitation reads as an invitation, and its lifetime in days, not 4320 minutes.

const props = { org: PREVIEW_ORGANIZATION, url: "https://privacy.jexi.example/api/auth/callback/email?token=t", expiresInMinutes: 72 * 60 };

describe("the staff sign-in email", () => {
  it("words an invitation as one, with its lifetime in days", async () => {
    const email = await renderEmail("staff-sign-in", { ...props, invited: true });
    expect(email.subject).toBe(`You're invited to the ${PREVIEW_ORGANIZATION.productName} privacy dashboard`);
    expect(email.text).toContain("for 3 days");
    expect(email.text).toContain("Accept the invitation");
    expect(email.text).toContain("an administrator of the");
    expect(email.text).not.toMatch(/minutes|someone asked to sign in/);
  });

  it("keeps a sign-in link's minutes", async () => {
    const email = await renderEmail("staff-sign-in", { ...props, expiresInMinutes: 15, invited: false });
    expect(email.text).toContain("expires in 15 minutes");
    expect(email.text).toContain("someone asked to sign in");
  });

  it("says durations in the unit a person would", () => {
    expect([durationWords(1), durationWords(15), durationWords(60), durationWords(90), durationWords(120), durationWords(1440), durationWords(4320)]).toEqual([
      "1 minute",
      "15 minutes",
      "1 hour",
      "90 minutes",
      "2 hours",
      "1 day",
      "3 days",
    ]);
  });
});
