"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import {
  getFirmTimeZone,
  listInterviewParticipants,
} from "@/db/queries/interviews";
import type { InterviewConflict } from "@/db/queries/interview-scheduling";
import { scheduleInterview } from "@/lib/interviews/schedule-interview";
import { defineFormAction, echoValues, formDataToObject } from "@/lib/actions";
import { ERROR_MESSAGES } from "@/lib/core/errors";
import { changeInterviewStatus } from "@/lib/interviews/change-interview-status";
import { rescheduleInterview } from "@/lib/interviews/reschedule-interview";
import {
  interviewStatusSchema,
  interviewWindow,
  rescheduleInterviewSchema,
  scheduleInterviewSchema,
  zonedParts,
} from "@/lib/core/validation/records";
import { refusedForm } from "../_components/save-result";
import { INTERVIEW_KIND_LABELS, INTERVIEW_STATUS_LABELS } from "@/lib/core/vocabulary";

const LABELS = {
  kind: "Kind",
  date: "Day",
  startTime: "Starts",
  endTime: "Ends",
  location: "Place",
  videoUrl: "Video link",
  arrangedByFirm: "Arranged by your firm",
  notes: "Notes",
  contactIds: "Interviewers",
};

export const scheduleInterviewAction = defineFormAction(scheduleInterviewSchema, "interviews.write", async (scope, input, formData) => {
  const zone = await getFirmTimeZone(scope);
  const window = interviewWindow(input, zone);
  if ("fieldErrors" in window) {
    return { ok: false, values: echoValues(formDataToObject(formData)), fieldErrors: window.fieldErrors, formError: ERROR_MESSAGES.invalid };
  }
  const result = await scheduleInterview(scope, { ...input, ...window });
  if (!result.ok) return refusedForm(result, formData);
  revalidatePath("/interviews");
  revalidatePath(`/candidates/${result.value.candidateId}`);
  redirect(`/interviews/${result.value.id}?saved=scheduled`);
});

export const rescheduleInterviewAction = defineFormAction(rescheduleInterviewSchema, "interviews.write", async (scope, input, formData) => {
  const zone = await getFirmTimeZone(scope);
  const window = interviewWindow(input, zone);
  if ("fieldErrors" in window) {
    return { ok: false, values: echoValues(formDataToObject(formData)), fieldErrors: window.fieldErrors, formError: ERROR_MESSAGES.invalid };
  }
  const result = await rescheduleInterview(scope, { ...input, ...window });
  if (!result.ok && result.reason === "conflict") {
    const people = await listInterviewParticipants(scope, input.id);
    return refusedForm(result, formData, {
      conflict: (c: InterviewConflict) => {
        const start = zonedParts(c.startsAt, zone);
        const end = zonedParts(c.endsAt, zone);
        return {
          version: c.version,
          values: {
            kind: c.kind,
            date: start.date,
            startTime: start.time,
            endTime: end.time,
            location: c.location,
            videoUrl: c.videoUrl,
            arrangedByFirm: c.arrangedByFirm ? "on" : "",
            notes: c.notes,
            contactIds: c.contactIds,
          },
          labels: LABELS,
          display: {
            kind: INTERVIEW_KIND_LABELS[c.kind],
            arrangedByFirm: c.arrangedByFirm ? "Yes" : "No",
            contactIds: people.map((p) => p.name).join(", ") || "Nobody",
          },
        };
      },
    });
  }
  if (!result.ok) return refusedForm(result, formData);
  revalidatePath("/interviews");
  revalidatePath(`/interviews/${input.id}`);
  revalidatePath(`/candidates/${result.value.candidateId}`);
  redirect(`/interviews/${input.id}?saved=rescheduled`);
});

/** Completed, cancelled, no-show (or back to scheduled); see changeInterviewStatus. */
export const updateInterviewStatusAction = defineFormAction(interviewStatusSchema, "interviews.write", async (scope, input, formData) => {
  const result = await changeInterviewStatus(scope, input);
  if (!result.ok && result.reason === "conflict") {
    return {
      ...refusedForm(result, formData),
      formError: `Someone else changed this interview meanwhile: it is now ${INTERVIEW_STATUS_LABELS[result.current.status].toLowerCase()}. Refresh the page and try again.`,
    };
  }
  if (!result.ok) {
    const state = refusedForm(result, formData);
    return { ...state, formError: state.fieldErrors?.status?.[0] ?? state.formError };
  }
  revalidatePath("/interviews");
  revalidatePath(`/interviews/${input.id}`);
  revalidatePath(`/candidates/${result.value.candidateId}`);
  return { ok: true, message: `Marked ${INTERVIEW_STATUS_LABELS[result.value.status].toLowerCase()}.` };
});
