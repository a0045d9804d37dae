"use server";

import { revalidatePath } from "next/cache";
import { fromLocalInput } from "@/app/(candidate)/_components/format";
import { defineFormAction } from "@/lib/actions";
import { acceptInvitationStepSchema, logCallSchema, thankYouNoteSchema } from "@/lib/core/validation/debrief";
import { acceptInvitation } from "@/lib/plans/accept-invitation";
import { logCallToInterviewer } from "@/lib/plans/log-call";
import { markThankYou } from "@/lib/plans/mark-thank-you";

function refreshPortal() {
  revalidatePath("/my", "layout");
}

/** rule 2: tick a thank-you note off (or back on). */
export const markThankYouAction = defineFormAction(thankYouNoteSchema, "portal.plan.write", async (scope, input) => {
  await markThankYou(scope, {
    interviewId: input.interviewId,
    personId: input.personId || null,
    contactId: input.contactId || null,
    sent: input.sent,
    channel: input.channel,
  });
  refreshPortal();
  return { ok: true, message: input.sent ? "Marked as sent." : "Marked as not sent yet." };
});

/** rule 4: the candidate logs a call to the interviewer; a second one warns the recruiter. */
export const logCallAction = defineFormAction(logCallSchema, "portal.plan.write", async (scope, input) => {
  const { callCount, message } = await logCallToInterviewer(scope, {
    interviewId: input.interviewId,
    contactId: input.contactId || null,
    calledAt: input.calledAt ?? "",
    notes: input.notes,
    parseLocal: fromLocalInput,
  });
  refreshPortal();
  return { ok: true, message, data: { callCount } };
});

/** rule 5: the candidate says they accepted the invitation to come back. */
export const acceptInvitationAction = defineFormAction(acceptInvitationStepSchema, "portal.plan.write", async (scope, input) => {
  const { alreadyClosed } = await acceptInvitation(scope, input.interviewId);
  refreshPortal();
  return { ok: true, message: alreadyClosed ? "This step is already closed." : "Marked as accepted." };
});
