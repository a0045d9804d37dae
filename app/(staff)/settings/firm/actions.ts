"use server";

import { revalidatePath } from "next/cache";
import { updateFirmSettings } from "@/db/queries/firm-settings";
import { defineFormAction, echoValues, formDataToObject } from "@/lib/actions";
import { AppError } from "@/lib/core/errors";
import { firmSettingsSchema } from "@/lib/core/validation/settings";

export const updateFirmSettingsAction = defineFormAction(firmSettingsSchema, "settings.manage", async (scope, input, formData) => {
  const result = await updateFirmSettings(scope, {
    version: input.version,
    name: input.name,
    timeZone: input.timeZone,
    holidays: [...new Set(input.holidays)].sort(),
    policy: {
      thankYouWithinHours: input.thankYouWithinHours,
      debriefWithinHours: input.debriefWithinHours,
      feedbackWithinBusinessDays: input.feedbackWithinBusinessDays,
      callAfterBusinessDays: input.callAfterBusinessDays,
      callWindowBusinessDays: input.callWindowBusinessDays,
      decisionGraceBusinessDays: input.decisionGraceBusinessDays,
      timelineTaskWithinBusinessDays: input.timelineTaskWithinBusinessDays,
    },
    sessionIdleMinutes: input.sessionIdleMinutes,
    sessionAbsoluteHours: input.sessionAbsoluteHours,
    mfaRequired: input.mfaRequired,
    candidateReminders: input.candidateReminders,
    retentionDays: input.retentionDays,
    feedbackLinkDays: input.feedbackLinkDays,
  });
  if (!result.ok) {
    if (!result.current) throw new AppError("not_found");
    const c = result.current;
    const p = c.policy;
    // Keep what this admin typed; show what the other admin saved; the next save applies on top of it.
    return {
      ok: false,
      values: { ...echoValues(formDataToObject(formData)), version: String(c.version) },
      formError:
        `Another admin saved these settings while you were editing, so nothing was saved. Their values: ` +
        `thank-you notes ${p.thankYouWithinHours} h, debrief ${p.debriefWithinHours} h, feedback ${p.feedbackWithinBusinessDays} business days, ` +
        `call after ${p.callAfterBusinessDays} business days, call window ${p.callWindowBusinessDays}, grace ${p.decisionGraceBusinessDays}, timeline ${p.timelineTaskWithinBusinessDays}; ` +
        `time zone ${c.timeZone}; idle ${c.sessionIdleMinutes} min; session ${c.sessionAbsoluteHours} h. Your form still shows your changes — save again to apply them over theirs.`,
    };
  }
  revalidatePath("/settings/firm");
  return { ok: true, message: "Settings saved. New plans use these numbers from now on." };
});
