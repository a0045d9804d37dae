import type { InterviewReview } from "@/db/queries/review";
import { Card, CardContent } from "@/app/_components/ui/card";
import { StatusPill, type Status } from "@/app/_components/ui/status-pill";
import { cn } from "@/lib/core/utils";
import { DebriefVersions } from "./debrief-versions";
import { callInvitationLine } from "@/lib/core/validation/debrief-rules";
import { FIELD_LABELS, SNAPSHOT_LABELS } from "./debrief-labels";
import { dayLabel, momentLabel } from "./format";
import { MarkReviewedForm } from "./review-forms";

function scale(n: number | null) {
  return n === null ? "—" : `${n}/5`;
}

/** The candidate's debrief as submitted (or why there is none yet), with a way to mark it reviewed. */
export function DebriefCard({ review, zone }: { review: InterviewReview; zone: string }) {
  const d = review.debrief;
  const first = review.candidate.name.split(" ")[0];
  let state: { pill: Status; text: string };
  if (!d) state = { pill: review.interview.happened ? "overdue" : "neutral", text: review.interview.happened ? "Not filed" : "Not yet due" };
  else if (d.status === "draft") state = { pill: "due", text: "Draft, not submitted" };
  else if (d.needsReview) state = { pill: "due", text: d.reviewedAt ? "Amended — review again" : "To review" };
  else state = { pill: "done", text: "Reviewed" };

  return (
    <section aria-labelledby="debrief-heading" className="flex min-w-0 flex-col gap-3">
      <div className="flex items-center justify-between gap-3">
        <h2 id="debrief-heading" className="text-[0.9375rem] font-semibold">
          {first}&apos;s debrief
        </h2>
        <StatusPill state={state.pill}>{state.text}</StatusPill>
      </div>
      {!d || d.status === "draft" ? (
        <p className="rounded-lg border border-dashed border-border-strong px-4 py-6 text-center text-sm text-muted-foreground">
          {d ? `${first} has started a debrief but not submitted it yet.` : `${first} has not filed a debrief for this interview yet.`}
        </p>
      ) : (
        <Card>
          <CardContent className="flex flex-col gap-4 pt-4">
            <div className="flex flex-wrap items-start justify-between gap-3 text-[0.8125rem] text-muted-foreground">
              <p>
                Submitted {d.submittedAt ? momentLabel(d.submittedAt, zone) : ""}
                {d.submittedVersions > 1 ? ` · version ${d.submittedVersions} (amended)` : ""}
                {d.reviewedAt && !d.needsReview ? ` · reviewed by ${d.reviewedByName ?? "a recruiter"} ${momentLabel(d.reviewedAt, zone)}` : ""}
              </p>
              {d.needsReview ? (
                <MarkReviewedForm debriefId={d.id} version={d.version} interviewId={review.interview.id} label="Mark reviewed" />
              ) : null}
            </div>
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
              <Fact label="Overall impression" value={scale(d.overallImpression)} />
              <Fact label="Interest" value={scale(d.interestLevel)} />
              <Fact
                label="Timeline given"
                value={d.timelineGiven === "yes" ? "Yes" : d.timelineGiven === "no" ? "No" : d.timelineGiven === "unsure" ? "Unsure" : "—"}
                tone={d.timelineGiven === "no" ? "due" : undefined}
              />
              <Fact
                label="Decision expected"
                value={d.expectedDecisionOn ? dayLabel(new Date(`${d.expectedDecisionOn}T12:00:00Z`), "UTC") : "—"}
                tone={d.expectedDecisionOn && d.expectedDecisionOn < review.today ? "overdue" : undefined}
              />
            </dl>
            <dl className="flex flex-col gap-3">
              {FIELD_LABELS.map(([key, label]) => {
                const value = String(d[key] ?? "").trim();
                if (!value) return null;
                return (
                  <div key={key}>
                    <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
                    <dd className="mt-0.5 whitespace-pre-line">{value}</dd>
                  </div>
                );
              })}
              {d.callInvitation ? (
                <div>
                  <dt className="text-xs font-medium text-muted-foreground">{SNAPSHOT_LABELS.callInvitation}</dt>
                  <dd className="mt-0.5">{callInvitationLine(d, (ymd) => dayLabel(new Date(`${ymd}T12:00:00Z`), "UTC"))}</dd>
                </div>
              ) : null}
            </dl>
            <DebriefVersions d={d} zone={zone} />
          </CardContent>
        </Card>
      )}
    </section>
  );
}

function Fact({ label, value, tone }: { label: string; value: string; tone?: "due" | "overdue" }) {
  return (
    <div className="rounded-md bg-subtle px-2.5 py-1.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className={cn("font-semibold tabular-nums", tone === "due" && "text-due-foreground", tone === "overdue" && "text-overdue-foreground")}>{value}</dd>
    </div>
  );
}
