import { notFound } from "next/navigation";
import { z } from "zod";
import { Lock, MessageSquareQuote, PhoneCall, Users } from "lucide-react";
import type { QueryScope } from "@/db/queries/scope";
import { listFeedbackContacts, listRatableAttributes, type FeedbackRow } from "@/db/queries/feedback";
import { listMergeTargets } from "@/db/queries/people-met";
import { getInterviewReview, type InterviewReview, type ReviewDebrief } from "@/db/queries/review";
import { listTaskAssignees } from "@/db/queries/tasks";
import { Alert, AlertDescription, AlertTitle } from "@/app/_components/ui/alert";
import { Badge } from "@/app/_components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { StatusPill, type Status } from "@/app/_components/ui/status-pill";
import type { ReviewFlag } from "@/lib/core/review/flags";
import { toLocalDateTimeValue } from "@/lib/core/validation/feedback";
import { cn } from "@/lib/core/utils";
import { NewTaskDialog } from "../../tasks/task-forms";
import { dayLabel, momentLabel } from "./format";
import { CopyText, FeedbackEntryActions, MarkReviewedForm, PersonMetActions, RecordFeedback } from "./review-forms";
import { DECISION_LABELS, RATING_LABELS, RECOMMENDATION_LABELS, STAGE_LABELS } from "@/lib/core/vocabulary";

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
  const nowValue = toLocalDateTimeValue(now, zone);
  const formContacts = contacts.filter((c) => !c.archivedAt).map((c) => ({ id: c.id, name: c.name, title: c.title }));
  const pending = review.peopleMet.filter((p) => p.resolution === "pending");

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
                interviewId={interviewId}
                clientName={review.client.name}
                timeZone={zone}
                nowValue={nowValue}
                happened={review.interview.happened}
                attributes={(editAttributes[i] ?? attributes).map(({ id, category, name, description }) => ({ id, category, name, description }))}
                contacts={formContacts}
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
                <FeedbackEntry f={f} zone={zone} />
              </FeedbackEntryActions>
            ))
          )}
          <RecordFeedback
            interviewId={interviewId}
            clientName={review.client.name}
            timeZone={zone}
            nowValue={nowValue}
            happened={review.interview.happened}
            attributes={attributes.map(({ id, category, name, description }) => ({ id, category, name, description }))}
            contacts={formContacts}
            defaultContactId={review.interviewers.find((i) => formContacts.some((c) => c.id === i.contactId))?.contactId ?? null}
          />
        </section>
      </div>

      {review.peopleMet.length > 0 ? (
        <section aria-labelledby="people-met-heading">
          <Card>
            <CardHeader className="pb-2">
              <CardTitle id="people-met-heading" className="flex items-center gap-2">
                <Users aria-hidden="true" className="size-4 text-muted-foreground" />
                People met
                {pending.length > 0 ? <Badge variant="accent">{pending.length} to confirm</Badge> : null}
              </CardTitle>
              <p className="text-sm text-muted-foreground">
                The people {review.candidate.name.split(" ")[0]} met, from the debrief. Confirm them as contacts of {review.client.name}, merge them with a contact you already have, or dismiss them.
              </p>
            </CardHeader>
            <CardContent className="px-0 pb-2">
              <ul className="divide-y divide-border border-t border-border">
                {review.peopleMet.map((p) => (
                  <li key={p.id} className="flex flex-col gap-2 px-5 py-3 @2xl:flex-row @2xl:items-start @2xl:gap-6">
                    <div className="min-w-0 @2xl:w-64 @2xl:shrink-0">
                      <p className="font-medium">{p.name || "Name not given"}</p>
                      <p className="text-[0.8125rem] text-muted-foreground">{[p.title, p.email, p.phone].filter(Boolean).join(" · ") || "No details given"}</p>
                    </div>
                    <div className="min-w-0 flex-1">
                      {p.resolution === "pending" ? (
                        <PersonMetActions
                          person={{
                            id: p.id,
                            name: p.name,
                            title: p.title,
                            email: p.email,
                            phone: p.phone,
                            match: p.match ? { contactId: p.match.contactId, name: p.match.name, by: p.match.by } : null,
                          }}
                          interviewId={interviewId}
                          clientName={review.client.name}
                          mergeTargets={mergeTargets}
                        />
                      ) : (
                        <p className="flex flex-wrap items-center gap-2 text-[0.8125rem] text-muted-foreground">
                          <StatusPill state={p.resolution === "dismissed" ? "not_allowed" : "done"}>
                            {p.resolution === "confirmed" ? "Contact" : p.resolution === "merged" ? "Merged" : "Dismissed"}
                          </StatusPill>
                          {p.contactName && p.resolution !== "dismissed" ? <span>{p.contactName} at {review.client.name}</span> : null}
                          {p.resolvedAt ? <span>· {dayLabel(p.resolvedAt, zone)}</span> : null}
                        </p>
                      )}
                    </div>
                  </li>
                ))}
              </ul>
            </CardContent>
          </Card>
        </section>
      ) : null}
    </div>
  );
}

function Flags({ flags }: { flags: ReviewFlag[] }) {
  if (flags.length === 0) return null;
  return (
    <section aria-label="Where the debrief and the feedback disagree" className="flex flex-col gap-2">
      {flags.map((f) => (
        <Alert key={f.code} variant={f.severity === "warning" ? "warning" : "info"} data-flag={f.code}>
          <AlertTitle>{f.title}</AlertTitle>
          <AlertDescription>
            <p>{f.detail}</p>
            {f.addendum ? (
              <div className="mt-2 flex flex-col gap-2">
                <pre className="rounded-md border border-info-border bg-background px-3 py-2 font-sans text-[0.8125rem] whitespace-pre-wrap text-foreground">
                  {f.addendum}
                </pre>
                <div>
                  <CopyText text={f.addendum} label="Copy the addendum" />
                </div>
              </div>
            ) : null}
          </AlertDescription>
        </Alert>
      ))}
    </section>
  );
}

const FIELD_LABELS: [keyof ReviewDebrief & string, string][] = [
  ["wentWell", "What went well"],
  ["concerns", "Concerns or hard moments"],
  ["questionsAsked", "Questions they were asked"],
  ["notMentioned", "Not mentioned in the interview"],
  ["timelineDetails", "Where they are in the process"],
  ["invitedBackDetails", "Invited back"],
  ["salaryDiscussed", "Salary or terms"],
  ["otherProcesses", "Other processes or offers"],
  ["availability", "Availability for a next round"],
  ["notesForRecruiter", "For the recruiter"],
];

const SNAPSHOT_LABELS: Record<string, string> = {
  overallImpression: "Overall impression",
  interestLevel: "Interest",
  timelineGiven: "Timeline given",
  expectedDecisionOn: "Expected decision",
  askedToCall: "Asked to call",
  callBy: "Call by",
  invitedBack: "Invited back",
  people: "People met",
  ...Object.fromEntries(FIELD_LABELS),
};

function scale(n: number | null) {
  return n === null ? "—" : `${n}/5`;
}

function DebriefCard({ review, zone }: { review: InterviewReview; zone: string }) {
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
              {d.askedToCall ? (
                <div>
                  <dt className="text-xs font-medium text-muted-foreground">Asked to call</dt>
                  <dd className="mt-0.5">Yes{d.callBy ? `, by ${dayLabel(new Date(`${d.callBy}T12:00:00Z`), "UTC")}` : ""}</dd>
                </div>
              ) : null}
            </dl>
            <Versions d={d} zone={zone} />
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

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) return value.map((p) => (p && typeof p === "object" ? String((p as { name?: string }).name ?? "") : String(p))).join(", ") || "—";
  return String(value);
}

/** Earlier submissions, each with what the next one changed. */
function Versions({ d, zone }: { d: ReviewDebrief; zone: string }) {
  if (d.versions.length < 2) return null;
  const earlier = d.versions.slice(0, -1);
  return (
    <div className="border-t border-border pt-3">
      <h3 className="mb-2 flex items-center gap-1.5 text-xs font-semibold tracking-wide text-muted-foreground uppercase">
        <MessageSquareQuote aria-hidden="true" className="size-3.5" />
        Earlier versions
      </h3>
      <ul className="flex flex-col gap-2">
        {earlier.map((v) => {
          const next = d.versions.find((x) => x.number === v.number + 1)!;
          const changed = Object.keys({ ...v.snapshot, ...next.snapshot }).filter(
            (k) => JSON.stringify(v.snapshot[k] ?? null) !== JSON.stringify(next.snapshot[k] ?? null),
          );
          return (
            <li key={v.number}>
              <details className="rounded-md border border-border">
                <summary className="cursor-pointer px-3 py-2 text-[0.8125rem]">
                  <span className="font-medium">Version {v.number}</span>
                  <span className="text-muted-foreground"> · {momentLabel(v.submittedAt, zone)}</span>
                  <span className="text-muted-foreground">
                    {" "}
                    · {changed.length ? `version ${next.number} changed ${changed.map((k) => (SNAPSHOT_LABELS[k] ?? k).toLowerCase()).join(", ")}` : "no changes after"}
                  </span>
                </summary>
                <table className="w-full border-t border-border text-[0.8125rem]">
                  <caption className="sr-only">
                    What changed between version {v.number} and version {next.number}
                  </caption>
                  <thead>
                    <tr className="text-left text-xs text-muted-foreground">
                      <th scope="col" className="px-3 py-1.5 font-medium">
                        Field
                      </th>
                      <th scope="col" className="px-3 py-1.5 font-medium">
                        Version {v.number}
                      </th>
                      <th scope="col" className="px-3 py-1.5 font-medium">
                        Version {next.number}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {changed.map((k) => (
                      <tr key={k} className="border-t border-border align-top">
                        <th scope="row" className="px-3 py-1.5 text-left font-medium">
                          {SNAPSHOT_LABELS[k] ?? k}
                        </th>
                        <td className="px-3 py-1.5 whitespace-pre-line text-muted-foreground">{show(v.snapshot[k])}</td>
                        <td className="px-3 py-1.5 whitespace-pre-line">{show(next.snapshot[k])}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

const RATING_TONE: Record<string, string> = {
  strong_yes: "border-done-border bg-done-subtle text-done-foreground",
  yes: "border-done-border bg-background text-done-foreground",
  mixed: "border-border-strong bg-background text-muted-foreground",
  no: "border-overdue-border bg-background text-overdue-foreground",
  definitely_not: "border-overdue-border bg-overdue-subtle text-overdue-foreground",
};

function FeedbackEntry({ f, zone }: { f: FeedbackRow; zone: string }) {
  const byCategory = new Map<string, FeedbackRow["ratings"]>();
  for (const r of f.ratings) byCategory.set(r.category, [...(byCategory.get(r.category) ?? []), r]);
  const negative = f.recommendation === "no" || f.recommendation === "definitely_not";
  return (
    <Card>
      <CardContent className="flex flex-col gap-3 pt-4">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div>
            <p className="font-medium">
              {f.contactName ?? "Someone at the client"}
              {f.contactTitle ? <span className="font-normal text-muted-foreground"> · {f.contactTitle}</span> : null}
            </p>
            <p className="text-[0.8125rem] text-muted-foreground">
              {f.channel === "call" ? "By phone" : f.channel === "email" ? "By email" : "Other"} · {momentLabel(f.receivedAt, zone)}
              {f.recordedByName ? ` · recorded by ${f.recordedByName}` : ""}
            </p>
          </div>
          <div className="flex flex-wrap gap-1.5">
            <StatusPill state={negative ? "overdue" : f.recommendation === "no_decision" ? "neutral" : "done"}>
              {RECOMMENDATION_LABELS[f.recommendation]}
            </StatusPill>
            {f.decision ? <Badge variant="solid">Decision: {DECISION_LABELS[f.decision]}</Badge> : null}
          </div>
        </div>
        {f.takeaways ? (
          <div>
            <p className="text-xs font-medium text-muted-foreground">Key take-aways</p>
            <p className="mt-0.5 whitespace-pre-line">{f.takeaways}</p>
          </div>
        ) : null}
        {byCategory.size > 0 ? (
          <div className="flex flex-col gap-2">
            {[...byCategory.entries()].map(([category, ratings]) => (
              <div key={category}>
                <p className="text-xs font-medium text-muted-foreground">{category}</p>
                <ul className="mt-1 flex flex-col gap-1">
                  {ratings.map((r) => (
                    <li key={r.attributeId} className="flex flex-wrap items-baseline gap-x-2 text-[0.8125rem]">
                      <span className="min-w-36">{r.attributeName}</span>
                      <span className={cn("rounded border px-1.5 text-xs font-medium", RATING_TONE[r.rating])}>{RATING_LABELS[r.rating]}</span>
                      {r.note ? <span className="text-muted-foreground">{r.note}</span> : null}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        ) : null}
        <div className="grid gap-2 sm:grid-cols-2">
          <div className="rounded-md border border-border px-3 py-2">
            <p className="text-xs font-medium text-muted-foreground">Summary for the candidate</p>
            <p className="mt-0.5 text-[0.8125rem] whitespace-pre-line">{f.sharedSummary || "—"}</p>
          </div>
          <div className="rounded-md border border-dashed border-border-strong bg-subtle px-3 py-2">
            <p className="flex items-center gap-1 text-xs font-medium text-muted-foreground">
              <Lock aria-hidden="true" className="size-3" />
              Internal notes
            </p>
            <p className="mt-0.5 text-[0.8125rem] whitespace-pre-line">{f.internalNotes || "—"}</p>
          </div>
        </div>
        {f.decisionAppliedAt ? <p className="text-xs text-muted-foreground">Decision applied {momentLabel(f.decisionAppliedAt, zone)}.</p> : null}
      </CardContent>
    </Card>
  );
}
