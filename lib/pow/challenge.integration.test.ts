import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { beforeAll, describe, expect, it } from "vitest";
import type { ActionResult } from "@/lib/actions/result";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { newPowChallenge, pruneSpentProofs, spendPowProof, type PowChallenge } from "@/lib/pow/challenge";
import { submitRequest, type SubmitOutcome } from "@/lib/requests/submit";
import { requestInput } from "@/lib/testing/fixtures";
import { seed } from "@/prisma/seed";

beforeAll(async () => {
  await seed(db);
});

const EASY = { afterPerHour: 2, maxNumber: 2_000 };
let ipCounter = 0;
const newIp = () => `198.51.100.${++ipCounter}`;

/** What the browser does: finds the counter and sends the challenge with its solution. */
async function solve(challenge: PowChallenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error("no solution");
  return JSON.stringify({ challenge, solution });
}

function challengeOf(result: ActionResult<SubmitOutcome>): PowChallenge {
  if (result.ok || result.code !== "PROOF_OF_WORK" || !result.challenge) throw new Error(`expected a proof-of-work challenge: ${JSON.stringify(result)}`);
  return result.challenge;
}

describe("proof of work on the request form", () => {
  it("asks nothing at normal rates, then asks a busy address and accepts the solved proof", async () => {
    const ip = newIp();
    for (let i = 0; i < EASY.afterPerHour; i++) expect((await submitRequest(requestInput(), { ip, pow: EASY })).ok).toBe(true);

    const before = await db.request.count();
    const asked = await submitRequest(requestInput(), { ip, pow: EASY });
    expect(asked).toMatchObject({ ok: false, code: "PROOF_OF_WORK" });
    expect(await db.request.count()).toBe(before);

    const proof = await solve(challengeOf(asked));
    expect((await submitRequest(requestInput(), { ip, pow: EASY, proof })).ok).toBe(true);
    expect(await db.request.count()).toBe(before + 1);

    // The same proof works once; the answer is a fresh challenge.
    const replay = await submitRequest(requestInput(), { ip, pow: EASY, proof });
    expect(replay).toMatchObject({ ok: false, code: "PROOF_OF_WORK", formError: expect.stringContaining("did not pass") });
    expect(challengeOf(replay).signature).not.toBe(JSON.parse(proof).challenge.signature);
    expect(await db.request.count()).toBe(before + 1);
  });

  it("refuses a forged answer, a changed challenge, and garbage", async () => {
    const secret = getEnv().APP_SECRET;
    const challenge = await newPowChallenge(secret, EASY.maxNumber, new Date());
    const proof = JSON.parse(await solve(challenge));
    expect(await spendPowProof(db, secret, JSON.stringify({ ...proof, solution: { ...proof.solution, counter: proof.solution.counter + 1 } }))).toBe("invalid");
    const harder = { ...proof.challenge, parameters: { ...proof.challenge.parameters, keyPrefix: "00" } };
    expect(await spendPowProof(db, secret, JSON.stringify({ ...proof, challenge: harder }))).toBe("invalid");
    expect(await spendPowProof(db, secret, "not json")).toBe("invalid");
    expect(await spendPowProof(db, secret, JSON.stringify({ challenge: 1 }))).toBe("invalid");
    // Signed with another secret: not ours.
    const foreign = await newPowChallenge("another-secret-0123456789abcdefghijklmnop", EASY.maxNumber, new Date());
    expect(await spendPowProof(db, secret, await solve(foreign))).toBe("invalid");
    expect(await spendPowProof(db, secret, JSON.stringify(proof))).toBe("ok");
  });

  it("refuses an expired challenge, and housekeeping forgets spent ones once expired", async () => {
    const secret = getEnv().APP_SECRET;
    const old = await newPowChallenge(secret, EASY.maxNumber, new Date(Date.now() - 11 * 60_000));
    expect(await spendPowProof(db, secret, await solve(old))).toBe("expired");

    const fresh = await newPowChallenge(secret, EASY.maxNumber, new Date());
    expect(await spendPowProof(db, secret, await solve(fresh))).toBe("ok");
    expect(await pruneSpentProofs(db, new Date())).toBe(0);
    expect(await pruneSpentProofs(db, new Date(Date.now() + 11 * 60_000))).toBeGreaterThanOrEqual(1);
  });

  it("always asks when set to 0, and never asks without a client address", async () => {
    expect(await submitRequest(requestInput(), { ip: newIp(), pow: { ...EASY, afterPerHour: 0 } })).toMatchObject({ ok: false, code: "PROOF_OF_WORK" });
    expect((await submitRequest(requestInput(), { ip: null, pow: { ...EASY, afterPerHour: 0 } })).ok).toBe(true);
  });

  it("bounds the work by the maximum number", async () => {
    const challenge = await newPowChallenge(getEnv().APP_SECRET, 500, new Date());
    const solution = await solveChallenge({ challenge, deriveKey });
    expect(solution!.counter).toBeLessThanOrEqual(500);
  });
});
