"use server";

import { revalidatePath } from "next/cache";
import { defineFormAction } from "@/lib/actions";
import { reportSubscriptionSchema, subscriptionIdSchema } from "@/lib/reports/subscriptions/schedule";
import { removeReportSubscription, stopReportSubscription, subscribeToReport } from "@/lib/reports/subscriptions/manage";

// Report emails: any staff member (reports.read), each on their own subscriptions only.

export const subscribeToReportAction = defineFormAction(reportSubscriptionSchema, "reports.read", async (scope, input) => {
  await subscribeToReport(scope, input);
  revalidatePath("/reports");
  return { ok: true, message: "Report email saved. It goes to you on the schedule you chose, with these filters." };
});

export const unsubscribeReportAction = defineFormAction(subscriptionIdSchema, "reports.read", async (scope, input) => {
  const result = await stopReportSubscription(scope, input.subscriptionId);
  revalidatePath("/reports");
  return { ok: true, message: result === "already" ? "That report email was already stopped." : "Report email stopped." };
});

export const deleteReportSubscriptionAction = defineFormAction(subscriptionIdSchema, "reports.read", async (scope, input) => {
  await removeReportSubscription(scope, input.subscriptionId);
  revalidatePath("/reports");
  return { ok: true, message: "Report email deleted." };
});
