import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en/requests.json";
import {
  DENIAL_BASIS_LABELS,
  JURISDICTION_LABELS,
  RELATIONSHIP_LABELS,
  REQUEST_STATUS_LABELS,
  REQUEST_TYPE_DESCRIPTIONS,
  REQUEST_TYPE_LABELS,
} from "@/lib/requests/labels";

// The dashboard stays English and reads lib/requests/labels.ts; requesters read the catalogue. An
// English requester must read the very words the officer does.
describe("the requests catalogue in English", () => {
  it("says what the dashboard's labels say", () => {
    expect(en).toEqual({
      types: REQUEST_TYPE_LABELS,
      typeDescriptions: REQUEST_TYPE_DESCRIPTIONS,
      statuses: REQUEST_STATUS_LABELS,
      relationships: RELATIONSHIP_LABELS,
      jurisdictions: JURISDICTION_LABELS,
      denialBases: DENIAL_BASIS_LABELS,
    });
  });
});
