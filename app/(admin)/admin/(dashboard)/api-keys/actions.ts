"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { staffAction } from "@/lib/actions/staff-action";
import { CreateKeySchema } from "@/lib/api/key-schema";
import { createApiKey, revokeApiKey } from "@/lib/api/keys";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";

/** The key comes back once, to be shown once; only its hash is stored. */
export const createApiKeyAction = staffAction("settings.manage", CreateKeySchema, async (input, admin) => {
  const { key } = await createApiKey(db, input, admin, now());
  revalidatePath("/admin/api-keys");
  return { key };
});

export const revokeApiKeyAction = staffAction("settings.manage", z.object({ keyId: z.uuid() }), async ({ keyId }, admin) => {
  await revokeApiKey(db, keyId, admin, now());
  revalidatePath("/admin/api-keys");
  return null;
});
