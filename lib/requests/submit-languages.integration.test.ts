import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { readOrganizationDetails } from "@/lib/organization/settings";
import { updateOfferedTypes } from "@/lib/requests/offered-types-settings";
import { REQUEST_TYPES } from "@/lib/requests/schema";
import { submitRequest } from "@/lib/requests/submit";
import { requestInput } from "@/lib/testing/fixtures";
import { createStaff } from "@/lib/testing/requests";
import { seed } from "@/prisma/seed";

// submitRequest refuses in the requester's language when the form says which (the action passes
// the page's); without one (the API, hand-made calls) it stays English, word for word.

let admin: StaffUser;
let privacyEmail: string;

beforeAll(async () => {
  await seed(db);
  admin = await createStaff("ADMIN");
  privacyEmail = (await readOrganizationDetails(db)).privacyEmail;
});

afterAll(async () => {
  await updateOfferedTypes(db, { types: [...REQUEST_TYPES] }, admin);
});

const count = (email: string) => db.request.count({ where: { requesterEmail: email } });

describe("refusals in the requester's language", () => {
  it("gives the schema's and the representation rules' messages in German and Portuguese, English without a language", async () => {
    const bad = { type: "ACCESS", details: {}, name: "", email: "kim@", country: "DE", relationship: "ACCOUNT_HOLDER" };
    expect(await submitRequest(bad, { ip: null, locale: "de" })).toEqual({
      ok: false,
      fieldErrors: { name: "Geben Sie Ihren vollständigen Namen ein", email: "Geben Sie eine E-Mail-Adresse im Format name@example.com ein" },
    });
    expect(await submitRequest(bad, { ip: null })).toEqual({
      ok: false,
      fieldErrors: { name: "Enter your full name", email: "Enter an email address in the format name@example.com" },
    });
    const agent = requestInput({ submittedBy: "AGENT" });
    const sameAddress = { ...agent, representative: { name: "Sam Lee", email: agent.email } };
    expect(await submitRequest(sameAddress, { ip: null, locale: "pt-BR" })).toMatchObject({
      ok: false,
      fieldErrors: {
        "representative.email":
          "Informe aqui o seu próprio endereço de e-mail, não o da pessoa para quem você faz a solicitação: escrevemos para cada um de vocês",
      },
    });
    expect(await count(agent.email)).toBe(0);
  });

  it("refuses a filled honeypot, a type not offered and a busy network in the language given", async () => {
    const bot = requestInput({ website: "https://spam.example" });
    expect(await submitRequest(bot, { ip: null, locale: "pt-BR" })).toMatchObject({
      ok: false,
      code: "SPAM_SUSPECTED",
      formError: "Não foi possível aceitar este envio. Tente novamente.",
    });
    expect(await submitRequest(bot, { ip: null })).toMatchObject({ formError: "We could not accept this submission. Please try again." });

    await updateOfferedTypes(db, { types: ["ACCESS"] }, admin);
    const objection = requestInput({ type: "OBJECTION", details: { processing: "DIRECT_MARKETING" } });
    expect(await submitRequest(objection, { ip: null, locale: "de" })).toMatchObject({
      code: "TYPE_NOT_OFFERED",
      fieldErrors: {
        type: `Über dieses Portal können keine Anträge auf Widerspruch gestellt werden; in der Datenschutzerklärung finden Sie, wie Sie uns erreichen, oder schreiben Sie an ${privacyEmail}.`,
      },
    });
    expect(await submitRequest(objection, { ip: null, locale: "pt-BR" })).toMatchObject({
      fieldErrors: { type: expect.stringMatching(/^Este portal não aceita solicitações de oposição;/) },
    });
    await updateOfferedTypes(db, { types: [...REQUEST_TYPES] }, admin);

    const busy = { ip: "198.51.100.7", pow: { afterPerHour: 0, maxNumber: 1000 } };
    expect(await submitRequest(requestInput(), { ...busy, locale: "de" })).toMatchObject({
      code: "PROOF_OF_WORK",
      formError:
        "Aus Ihrem Netzwerk sind viele Anträge gekommen, daher muss Ihr Browser vor dem Senden eine kurze Prüfung durchführen. Bitte aktivieren Sie JavaScript und versuchen Sie es noch einmal.",
    });
    expect(await submitRequest(requestInput(), { ...busy, proof: "not a proof", locale: "pt-BR" })).toMatchObject({
      code: "PROOF_OF_WORK",
      formError: "A verificação do seu navegador não foi aprovada. Nada foi enviado; tente novamente.",
    });
    expect(await count(bot.email)).toBe(0);
  });

  it("says an address has asked too often today in Portuguese", async () => {
    const email = requestInput().email;
    for (let i = 0; i < getEnv().RATE_LIMIT_SUBMIT_PER_EMAIL_PER_DAY; i++) {
      expect((await submitRequest(requestInput({ email }), { ip: null, locale: "pt-BR" })).ok).toBe(true);
    }
    expect(await submitRequest(requestInput({ email }), { ip: null, locale: "pt-BR" })).toMatchObject({
      code: "RATE_LIMITED",
      formError: "Já recebemos hoje várias solicitações para este endereço de e-mail. Aguarde nossa resposta ou tente novamente amanhã.",
    });
  });
});
