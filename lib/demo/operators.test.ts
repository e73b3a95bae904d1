import { describe, expect, it } from "vitest";
import { OPERATORS, operatorNamed, refuseOtherOperator } from "@/prisma/seed-data/operators/all";
import { operatorArgument } from "@/prisma/seed";

const [jexi, platform, connexcs] = OPERATORS as [(typeof OPERATORS)[number], (typeof OPERATORS)[number], (typeof OPERATORS)[number]];
const stored = (operator: typeof jexi) => operator.policyVersions.map(({ version, summary }) => ({ version, summary }));

describe("choosing a demo operator", () => {
  it("reads --operator NAME or --operator=NAME, and nothing without it", () => {
    expect(operatorArgument(["--operator", "connexcs"])).toBe("connexcs");
    expect(operatorArgument(["--dev", "--operator=agent-platform"])).toBe("agent-platform");
    expect(operatorArgument(["--dev"])).toBeUndefined();
    expect(() => operatorArgument(["--operator"])).toThrow("Name the operator after --operator, for example --operator connexcs.");
  });

  it("knows the three demo operators and the blank start by name, in any case", () => {
    expect(operatorNamed(" ConnexCS ")).toBe(connexcs);
    expect(operatorNamed("BLANK").policyVersions).toEqual([]);
    expect(() => operatorNamed("acme")).toThrow('There is no demo operator "acme". Choose one of: jexi, agent-platform, connexcs, blank.');
  });

  it("lets an operator onto an empty database or its own, and refuses another's", () => {
    expect(() => refuseOtherOperator(platform, [])).not.toThrow();
    expect(() => refuseOtherOperator(platform, stored(platform))).not.toThrow();
    expect(() => refuseOtherOperator(platform, stored(jexi))).toThrow(/^This database is already set up as Jexi \(policy versions 2025-09-01, 2026-05-21\)/);
    // A version published by hand that no operator seeded: Jexi goes on as before, another does not.
    const byHand = [{ version: "2026-12-01", summary: "Ours" }];
    expect(() => refuseOtherOperator(jexi, byHand)).not.toThrow();
    expect(() => refuseOtherOperator(connexcs, byHand)).toThrow(/^This database is already set up as another operator \(policy versions 2026-12-01\)/);
    // The same version name with another text is not the operator's own.
    expect(() => refuseOtherOperator(connexcs, [{ version: "2025-11-01", summary: "Something else" }])).toThrow(/another operator/);
  });
});
