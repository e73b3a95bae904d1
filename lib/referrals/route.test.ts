import { describe, expect, it } from "vitest";
import { matchKeys, routeRequest, type CandidateWorkspace, type RoutingAnswers } from "@/lib/referrals/route";

const acme: CandidateWorkspace = {
  id: "a",
  customerId: "acme",
  name: "Acme Help",
  slug: "acme-help",
  domains: ["help.acme.example", "acme.example"],
  customerLegalName: "Acme Support Ltd",
};
const globex: CandidateWorkspace = {
  id: "g",
  customerId: "globex",
  name: "Globex Kundenservice",
  slug: "globex",
  domains: ["globex.example"],
  customerLegalName: "Globex Retail GmbH",
};
const acmeShop: CandidateWorkspace = {
  id: "s",
  customerId: "acme",
  name: "Acme Shop",
  slug: "acme-shop",
  domains: ["shop.acme.example"],
  customerLegalName: "Acme Support Ltd",
};
const zoe: CandidateWorkspace = {
  id: "z",
  customerId: "zoe",
  name: "Zoë Café",
  slug: "zoe-cafe",
  domains: ["zoecafe.example"],
  customerLegalName: "Zoë Café SARL",
};
const all = [acme, globex, acmeShop, zoe];

const endUser = (answers: Partial<RoutingAnswers>): RoutingAnswers => ({
  relationship: "CUSTOMER_END_USER",
  dataScope: "WORKSPACE",
  workspaceReference: null,
  companyEmail: null,
  ...answers,
});

describe("routeRequest", () => {
  it.each(["ACCOUNT_HOLDER", "WEBSITE_VISITOR", "OTHER"] as const)("keeps a %s's request with the officer, whatever they name", (relationship) => {
    expect(routeRequest({ relationship, dataScope: null, workspaceReference: "acme-help", companyEmail: null }, all)).toEqual({
      route: "OPERATOR",
      reason: "OPERATOR_DATA",
    });
  });

  it("refers a request about workspace data to the customer matched by slug", () => {
    expect(routeRequest(endUser({ workspaceReference: " Acme-Help " }), all)).toEqual({
      route: "CUSTOMER",
      workspaceId: "a",
      customerId: "acme",
      // "acme help" is also the workspace's name, folded.
      signals: ["name", "slug"],
    });
  });

  it("splits a request about workspace data and the operator's own data", () => {
    expect(routeRequest(endUser({ workspaceReference: "globex", dataScope: "WORKSPACE_AND_OPERATOR" }), all)).toMatchObject({
      route: "SPLIT",
      workspaceId: "g",
    });
  });

  it.each([
    ["a domain", "globex.example"],
    ["a URL with www and a path", "https://www.Globex.example/kontakt?x=1"],
    ["an email address at the company", "kundenservice@globex.example"],
  ])("matches by %s", (_, reference) => {
    expect(routeRequest(endUser({ workspaceReference: reference }), all)).toMatchObject({ route: "CUSTOMER", workspaceId: "g", signals: ["domain"] });
  });

  it("matches a subdomain to the workspace that lists its parent", () => {
    expect(routeRequest(endUser({ workspaceReference: "chat.globex.example" }), all)).toMatchObject({ workspaceId: "g" });
  });

  it("prefers the workspace that lists the exact host over one listing its parent", () => {
    expect(routeRequest(endUser({ workspaceReference: "shop.acme.example" }), all)).toMatchObject({ route: "CUSTOMER", workspaceId: "s" });
  });

  it("matches by the domain of the email address the requester wrote to", () => {
    expect(routeRequest(endUser({ workspaceReference: "the shoe shop", companyEmail: "Support@Globex.example" }), all)).toMatchObject({
      route: "CUSTOMER",
      workspaceId: "g",
      signals: ["companyEmailDomain"],
    });
  });

  it("matches a workspace or customer name ignoring case, accents and punctuation", () => {
    expect(routeRequest(endUser({ workspaceReference: "ZOE CAFE" }), all)).toMatchObject({ workspaceId: "z", signals: ["name"] });
    expect(routeRequest(endUser({ workspaceReference: "zoë café, sarl" }), all)).toMatchObject({ workspaceId: "z", signals: ["customerName"] });
    expect(routeRequest(endUser({ workspaceReference: "globex kundenservice" }), all)).toMatchObject({ workspaceId: "g" });
  });

  it("records every signal that agreed", () => {
    expect(routeRequest(endUser({ workspaceReference: "globex", companyEmail: "help@globex.example" }), all)).toMatchObject({
      workspaceId: "g",
      signals: ["companyEmailDomain", "slug"],
    });
  });

  it("sends an unknown company to the officer, never guessing", () => {
    expect(routeRequest(endUser({ workspaceReference: "Initech" }), all)).toEqual({
      route: "UNRESOLVED",
      reason: "UNKNOWN",
      candidateIds: [],
      includesOperatorData: false,
    });
    // A near miss is not a match.
    expect(routeRequest(endUser({ workspaceReference: "Acme" }), all)).toMatchObject({ route: "UNRESOLVED", reason: "UNKNOWN" });
  });

  it("sends a name shared by two workspaces to the officer with both as candidates", () => {
    // The customer's legal name matches both of its workspaces: which one holds the data is not known.
    expect(routeRequest(endUser({ workspaceReference: "Acme Support Ltd" }), all)).toEqual({
      route: "UNRESOLVED",
      reason: "AMBIGUOUS",
      candidateIds: ["a", "s"],
      includesOperatorData: false,
    });
  });

  it("treats signals that point at different workspaces as ambiguous", () => {
    expect(routeRequest(endUser({ workspaceReference: "acme-help", companyEmail: "support@globex.example", dataScope: "WORKSPACE_AND_OPERATOR" }), all)).toEqual({
      route: "UNRESOLVED",
      reason: "AMBIGUOUS",
      candidateIds: ["a", "g"],
      includesOperatorData: true,
    });
  });

  it("treats two workspaces listing the same host as ambiguous", () => {
    const twin = { ...globex, id: "t", slug: "globex-2", name: "Globex Zwei" };
    expect(routeRequest(endUser({ workspaceReference: "globex.example" }), [globex, twin])).toMatchObject({
      route: "UNRESOLVED",
      reason: "AMBIGUOUS",
      candidateIds: ["g", "t"],
    });
  });

  it("goes to the officer when the requester named nothing usable", () => {
    expect(routeRequest(endUser({ workspaceReference: "  " }), all)).toMatchObject({ route: "UNRESOLVED", reason: "UNKNOWN" });
  });
});

describe("matchKeys", () => {
  it("looks up by slug, folded name, and every host and parent domain given", () => {
    expect(matchKeys({ workspaceReference: "https://Chat.Acme.example/x", companyEmail: "help@globex.example" })).toEqual({
      slugs: ["https://chat.acme.example/x"],
      names: ["https chat acme example x"],
      domains: ["chat.acme.example", "acme.example", "globex.example"],
    });
    expect(matchKeys({ workspaceReference: null, companyEmail: null })).toEqual({ slugs: [], names: [], domains: [] });
  });
});
