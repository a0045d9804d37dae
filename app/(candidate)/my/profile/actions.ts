"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { setMyPlanEmails } from "@/db/queries/plan-reminders";
import { defineFormAction } from "@/lib/actions";
import { AppError } from "@/lib/core/errors";

const planEmailsSchema = z.object({
  on: z.enum(["on", "off"], { error: "Choose whether to get plan emails." }),
});

/** The candidate turns their plan emails (the one-click unsubscribe's) back on, or off. */
export const setPlanEmailsAction = defineFormAction(planEmailsSchema, "portal.plan.write", async (scope, input) => {
  const on = input.on === "on";
  if ((await setMyPlanEmails(scope, { on })) === "not_found") throw new AppError("not_found");
  revalidatePath("/my/profile");
  return { ok: true, message: on ? "Plan emails are on." : "Plan emails are off." };
});
