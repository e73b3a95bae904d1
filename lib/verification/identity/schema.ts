import * as z from "zod";

/** What the questions' form sends: one answer per question, the declaration ticked, and the name typed under it. */
export function IdentityAnswersSchema(questionIds: string[]) {
  const answer = z
    .string({ error: "Answer this question" })
    .trim()
    .min(1, "Answer this question")
    .max(200, "Keep the answer under 200 characters")
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "Remove the control characters");
  return z.object({
    answers: z.object(Object.fromEntries(questionIds.map((id) => [id, answer]))),
    declaration: z.literal(true, { error: "Tick the declaration to send your answers" }),
    signature: z.string({ error: "Type your full name" }).trim().min(1, "Type your full name").max(200, "Keep the name under 200 characters"),
  });
}
