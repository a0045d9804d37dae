import { notFound } from "next/navigation";
import { z } from "zod";
import { Lock, PhoneCall } from "lucide-react";
import type { QueryScope } from "@/db/queries/scope";
import { listFeedbackContacts, listRatableAttributes } from "@/db/queries/feedback";
import { listMergeTargets } from "@/db/queries/people-met";
import { getInterviewReview } from "@/db/queries/review";
import { listTaskAssignees } from "@/db/queries/tasks";
import { Badge } from "@/app/_components/ui/badge";
import { toLocalDateTimeValue } from "@/lib/core/validation/feedback";
import { cn } from "@/lib/core/utils";
import { NewTaskDialog } from "../../tasks/task-forms";
import { DebriefCard } from "./debrief-card";
import { FeedbackEntry } from "./feedback-entry";
import { formAttributes, type FeedbackFormContext } from "./feedback-form-data";
import { DECISION_LABELS, STAGE_LABELS, type Decision, type Stage } from "@/lib/core/vocabulary";
import { can } from "@/lib/core/permissions";
import { decisionBlocked, stageForDecision } from "@/lib/core/review/feedback-rules";
import { ConfirmLinkDecision } from "./confirm-link-decision";

/** What confirming a decision does to the application, in words. */
function decisionEffect(decision: Decision, stage: Stage): string {
  const to = stageForDecision(decision, stage);
  return to ? `moves the application from ${STAGE_LABELS[stage]} to ${STAGE_LABELS[to]}` : `keeps the application at ${STAGE_LABELS[stage]}`;
}
import { PeopleMetList } from "./people-met-list";
import { FeedbackEntryActions, RecordFeedback } from "./review-forms";
import { Flags } from "./review-flags";

/**
 * The staff view of one interview: the candidate's debrief (every submitted
 * version) beside the client's feedback, the flags where they disagree, the
 * people met, and the forms to record feedback, mark the debrief reviewed
 * and turn people met into contacts. Staff only; nothing here is candidate data.
 */
export async function DebriefFeedbackPanel({ scope, interviewId, now: nowProp }: { scope: QueryScope; interviewId: string; now?: Date }) {
  const now = nowProp ?? new Date();
  if (!z.uuid().safeParse(interviewId).success) notFound();
  const review = await getInterviewReview(scope, interviewId, { now });
  if (!review) notFound();
  const feedbackIds = review.feedback.map((f) => f.id);
  const [attributes, contacts, mergeTargets, assignees, ...editAttributes] = await Promise.all([
    listRatableAttributes(scope),
    listFeedbackContacts(scope, interviewId),
    listMergeTargets(scope, interviewId),
    listTaskAssignees(scope),
    ...feedbackIds.map((id) => listRatableAttributes(scope, id)),
  ]);
  const zone = review.timeZone;
  const canWrite = can(scope.role, "feedback.write");
  const nowValue = toLocalDateTimeValue(now, zone);
  const formContacts = contacts.filter((c) => !c.archivedAt).map((c) => ({ id: c.id, name: c.name, title: c.title }));
  // What every feedback form here shares; each gets the scorecard it was (or will be) rated on.
  const context: Omit<FeedbackFormContext, "attributes"> = {
    interviewId,
    clientName: review.client.name,
    timeZone: zone,
    nowValue,
    happened: review.interview.happened,
    contacts: formContacts,
  };

  return (
    // Sized by its container, not the viewport: the interview page gives it one column of a wider layout.
    <div className="@container flex flex-col gap-5" data-testid="debrief-feedback-panel">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
        <span className="inline-flex items-center gap-1.5" data-testid="application-stage">
          <span className="text-muted-foreground">Stage</span>
          <Badge variant="accent">{STAGE_LABELS[review.application.stage]}</Badge>
        </span>
        {review.calls.length > 0 ? (
          <span className={cn("inline-flex items-center gap-1", review.calls.length > 1 ? "text-overdue-foreground" : "text-muted-foreground")}>
            <PhoneCall aria-hidden="true" className="size-3.5" />
            {review.calls.length} call{review.calls.length === 1 ? "" : "s"} to the interviewer logged
            {review.calls.length > 1 ? " — the policy allows one (rule 4)" : ""}
          </span>
        ) : null}
        <span className="ml-auto">
          <NewTaskDialog
            assignees={assignees}
            me={scope.userId}
            timeZone={zone}
            interviewId={interviewId}
            triggerLabel="Add a task"
            triggerVariant="outline"
          />
        </span>
      </div>

      <Flags flags={review.flags} />

      <div className="grid min-w-0 grid-cols-1 items-start gap-5 @4xl:grid-cols-2">
        <DebriefCard review={review} zone={zone} />
        <section aria-labelledby="feedback-heading" className="flex min-w-0 flex-col gap-3">
          <div className="flex items-center justify-between gap-3">
            <h2 id="feedback-heading" className="text-[0.9375rem] font-semibold">
              Interviewer feedback
            </h2>
            <span className="text-xs text-muted-foreground">
              <Lock aria-hidden="true" className="mr-1 inline size-3" />
              Staff only
            </span>
          </div>
          {review.feedback.length === 0 ? (
            <p className="rounded-lg border border-dashed border-border-strong px-4 py-6 text-center text-sm text-muted-foreground">
              No feedback from {review.client.name} yet.
            </p>
          ) : (
            review.feedback.map((f, i) => (
              <FeedbackEntryActions
                key={f.id}
                {...context}
                attributes={formAttributes(editAttributes[i] ?? attributes)}
                who={f.contactName ?? "the client"}
                initial={{
                  feedbackId: f.id,
                  version: f.version,
                  contactId: f.contactId,
                  receivedAt: toLocalDateTimeValue(f.receivedAt, zone),
                  channel: f.channel,
                  recommendation: f.recommendation,
                  takeaways: f.takeaways,
                  sharedSummary: f.sharedSummary,
                  internalNotes: f.internalNotes,
                  decision: f.decision,
                  ratings: Object.fromEntries(f.ratings.map((r) => [r.attributeId, { rating: r.rating, note: r.note }])),
                }}
              >
                <FeedbackEntry
                  f={f}
                  zone={zone}
                  confirm={
                    // Kept mounted once confirmed, so the confirmation's message survives the page's refresh.
                    f.proposedDecision && canWrite ? (
                      <ConfirmLinkDecision
                        confirmed={f.decision !== null}
                        interviewId={interviewId}
                        feedbackId={f.id}
                        version={f.version}
                        seenStage={review.application.stage}
                        seenStageAt={review.application.stageChangedAt.toISOString()}
                        decisionLabel={DECISION_LABELS[f.proposedDecision]}
                        effect={decisionEffect(f.proposedDecision, review.application.stage)}
                        blocked={decisionBlocked(f.proposedDecision, review.application.stage)}
                      />
                    ) : null
                  }
                />
              </FeedbackEntryActions>
            ))
          )}
          <RecordFeedback
            {...context}
            attributes={formAttributes(attributes)}
            defaultContactId={review.interviewers.find((i) => formContacts.some((c) => c.id === i.contactId))?.contactId ?? null}
          />
        </section>
      </div>

      <PeopleMetList review={review} interviewId={interviewId} mergeTargets={mergeTargets} zone={zone} />
    </div>
  );
}
