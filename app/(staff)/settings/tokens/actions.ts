"use server";

import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken } from "@/db/queries/api-tokens";
import { defineFormAction } from "@/lib/actions";
import { createApiTokenSchema, issueApiToken, revokeApiTokenSchema } from "@/lib/auth/api-tokens";
import { AppError } from "@/lib/core/errors";

export const createApiTokenAction = defineFormAction(createApiTokenSchema, "tokens.manage", async (scope, input) => {
  const issued = issueApiToken();
  await createApiToken(scope, { name: input.name, prefix: issued.prefix, tokenHash: issued.hash });
  revalidatePath("/settings/tokens");
  return {
    ok: true,
    message: `Token “${input.name}” created. Copy it now: it is shown only this once.`,
    // Shown once in the page that created it; only its hash is stored.
    data: { secret: issued.token, name: input.name },
  };
});

export const revokeApiTokenAction = defineFormAction(revokeApiTokenSchema, "tokens.manage", async (scope, input) => {
  const result = await revokeApiToken(scope, input.tokenId);
  if (result === "not_found") throw new AppError("not_found");
  revalidatePath("/settings/tokens");
  return { ok: true, message: result === "revoked" ? "Token revoked: requests with it now get 401." : "That token was already revoked." };
});
