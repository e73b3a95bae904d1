import { describe, expect, it } from "vitest";
import { shortJurisdiction } from "@/app/(admin)/admin/(dashboard)/requests/status-labels";
import { US_PRIVACY_LAW_STATES } from "@/lib/requests/jurisdiction";
import { regulatorFor } from "@/lib/requests/regulators";
import { lawLabel, US_STATE_LAWS } from "@/lib/requests/us-state-laws";

describe("US state laws by name", () => {
  it("names the state's law and its Attorney General, with the office's website", () => {
    expect(lawLabel("US_STATE", "VA")).toBe("Virginia Consumer Data Protection Act");
    expect(lawLabel("US_STATE", "us-co")).toBe("Colorado Privacy Act");
    expect(regulatorFor("US_STATE", "VA")).toBe("the Virginia Attorney General (www.oag.state.va.us)");
    expect(shortJurisdiction("US_STATE", "TX")).toBe("Texas law");
  });

  it("keeps the general words where no state is known, and for other laws", () => {
    expect(lawLabel("US_STATE", null)).toBe("US state privacy law");
    expect(regulatorFor("US_STATE")).toBe("your state's Attorney General");
    expect(lawLabel("GDPR", "VA")).toBe("GDPR (European Economic Area)");
    expect(regulatorFor("CCPA", "CA")).toBe("the California Privacy Protection Agency (cppa.ca.gov)");
    expect(shortJurisdiction("GDPR")).toBe("GDPR");
  });

  it("covers every state whose law the portal applies", () => {
    expect(Object.keys(US_STATE_LAWS).sort()).toEqual([...US_PRIVACY_LAW_STATES].sort());
  });
});
