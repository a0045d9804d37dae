"use server";

import { revalidatePath } from "next/cache";
import {
  archiveScorecardAttribute,
  createScorecardAttribute,
  moveScorecardAttribute,
  restoreScorecardAttribute,
  updateScorecardAttribute,
} from "@/db/queries/scorecard";
import { defineFormAction } from "@/lib/actions";
import { AppError } from "@/lib/core/errors";
import { scorecardAttributeSchema, scorecardRefSchema } from "@/lib/core/validation/feedback";

export const saveScorecardAttributeAction = defineFormAction(scorecardAttributeSchema, "settings.manage", async (scope, input) => {
  const fields = { category: input.category, name: input.name, description: input.description };
  const saved = input.id
    ? await updateScorecardAttribute(scope, { ...fields, id: input.id, version: input.version ?? 0 })
    : await createScorecardAttribute(scope, fields);
  if (saved === "not_found") throw new AppError("not_found");
  revalidatePath("/settings/scorecard");
  return { ok: true, message: input.id ? `“${saved.name}” saved.` : `“${saved.name}” added to ${saved.category}.` };
});

const DONE = { archive: "archived", restore: "restored", up: "moved up", down: "moved down" } as const;

export const scorecardAttributeOpAction = defineFormAction(scorecardRefSchema, "settings.manage", async (scope, input) => {
  const ref = { id: input.id, version: input.version };
  const r =
    input.op === "archive"
      ? await archiveScorecardAttribute(scope, ref)
      : input.op === "restore"
        ? await restoreScorecardAttribute(scope, ref)
        : await moveScorecardAttribute(scope, { ...ref, direction: input.op });
  if (r === "not_found") throw new AppError("not_found");
  revalidatePath("/settings/scorecard");
  return { ok: true, message: `Attribute ${DONE[input.op]}.` };
});
