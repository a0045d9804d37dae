"use server";

import { revalidatePath } from "next/cache";
import { defineFormAction } from "@/lib/actions";
import { saveSsoSettings, setSsoState, testSsoConnection } from "@/lib/auth/sso/settings";
import { ssoSettingsSchema, ssoStateSchema } from "@/lib/core/validation/sso";
import { z } from "zod";

const PAGE = "/settings/sso";

export const saveSsoSettingsAction = defineFormAction(ssoSettingsSchema, "settings.manage", async (scope, input) => {
  await saveSsoSettings(scope, input);
  revalidatePath(PAGE);
  return { ok: true, message: "Saved. Test the connection before switching single sign-on on." };
});

/** The test ran (its outcome is recorded and shown on the page): `data.passed` says how it went. */
export const testSsoConnectionAction = defineFormAction(z.object({}), "settings.manage", async (scope) => {
  const result = await testSsoConnection(scope);
  revalidatePath(PAGE);
  return { ok: true, data: { passed: result.ok, text: result.message } };
});

export const setSsoStateAction = defineFormAction(ssoStateSchema, "settings.manage", async (scope, input) => {
  await setSsoState(scope, input);
  revalidatePath(PAGE);
  return {
    ok: true,
    message: !input.enabled
      ? "Single sign-on is off: staff sign in with their email and password."
      : input.required
        ? "Single sign-on is on and required: recruiters sign in through your provider only."
        : "Single sign-on is on: staff may use it or their password.",
  };
});
