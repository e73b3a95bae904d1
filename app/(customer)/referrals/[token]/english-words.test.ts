import { describe, expect, it } from "vitest";
import { messagesFor } from "@/lib/i18n/messages";
import { describeDetails } from "@/lib/referrals/details";
import { WORKSPACE_ERASURE_REFUSALS } from "@/lib/referrals/workspace-erasure-words";
import { OBJECTION_PROCESSING, RESTRICTION_GROUNDS } from "@/lib/requests/schema";
import { detailLines } from "./details";

// The referral page's English catalogue repeats words the domain keeps for its own readers (the
// refusals' messages, the staff's lines for a request's details): in English they must stay the same.

const english = messagesFor("en").referral;

describe("the referral page in English", () => {
  it("words every erasure refusal as the domain does", () => {
    expect(english.refusal.codes).toEqual(WORKSPACE_ERASURE_REFUSALS);
  });

  it("words a request's details as the staff pages do", () => {
    const details = {
      topics: "Everything",
      scope: "ALL",
      specifics: "Chats",
      format: "CSV",
      reason: "Moving",
      whatIsWrong: "Name",
      correctValue: "Ann",
      activity: "Ads",
      consent: "Newsletter",
    };
    expect(detailLines(details, english.details)).toEqual(describeDetails(details));
    for (const processing of OBJECTION_PROCESSING) expect(detailLines({ processing }, english.details)).toEqual(describeDetails({ processing }));
    for (const ground of RESTRICTION_GROUNDS) expect(detailLines({ ground }, english.details)).toEqual(describeDetails({ ground }));
    expect(detailLines({ scope: "SPECIFIC", format: "JSON" }, english.details)).toEqual(describeDetails({ scope: "SPECIFIC", format: "JSON" }));
  });
});
