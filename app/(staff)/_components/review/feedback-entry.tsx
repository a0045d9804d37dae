import { Link2, Lock } from "lucide-react";
import type { ReactNode } from "react";
import type { FeedbackRow } from "@/db/queries/feedback";
import { Badge } from "@/app/_components/ui/badge";
import { Card, CardContent } from "@/app/_components/ui/card";
import { StatusPill } from "@/app/_components/ui/status-pill";
import { DECISION_LABELS, RATING_LABELS, RECOMMENDATION_LABELS } from "@/lib/core/vocabulary";
import { cn } from "@/lib/core/utils";
import { momentLabel } from "./format";

const RATING_TONE: Record<string, string> = {
  strong_yes: "border-done-border bg-done-subtle text-done-foreground",
  yes: "border-done-border bg-background text-done-foreground",
  mixed: "border-border-strong bg-background text-muted-foreground",
  no: "border-overdue-border bg-background text-overdue-foreground",
  definitely_not: "border-overdue-border bg-overdue-subtle text-overdue-foreground",
};

/** One piece of interviewer feedback as recorded: recommendation, decision, scorecard, the shared summary and the internal notes. */
export function FeedbackEntry({ f, zone, confirm }: { f: FeedbackRow; zone: string; confirm?: ReactNode }) {
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
              {f.channel === "link" ? (
                <span className="inline-flex items-center gap-1">
                  <Link2 aria-hidden="true" className="size-3.5" />
                  From {f.contactName ?? "the interviewer"}, through the link
                </span>
              ) : f.channel === "call" ? (
                "By phone"
              ) : f.channel === "email" ? (
                "By email"
              ) : (
                "Other"
              )}{" "}
              · {momentLabel(f.receivedAt, zone)}
              {f.recordedByName ? ` · recorded by ${f.recordedByName}` : ""}
            </p>
          </div>
          <div className="flex flex-wrap gap-1.5">
            <StatusPill state={negative ? "overdue" : f.recommendation === "no_decision" ? "neutral" : "done"}>
              {RECOMMENDATION_LABELS[f.recommendation]}
            </StatusPill>
            {f.decision ? <Badge variant="solid">Decision: {DECISION_LABELS[f.decision]}</Badge> : null}
            {!f.decision && f.proposedDecision ? <Badge variant="outline">Recommends: {DECISION_LABELS[f.proposedDecision]}</Badge> : null}
          </div>
        </div>
        {confirm}
        {f.expectedDecisionOn && !f.decision ? (
          <p className="text-[0.8125rem]">
            <span className="text-muted-foreground">Expects to decide by</span> {f.expectedDecisionOn}
          </p>
        ) : null}
        {f.strengths || f.concerns ? (
          <div className="grid gap-2 sm:grid-cols-2">
            <div>
              <p className="text-xs font-medium text-muted-foreground">Strengths</p>
              <p className="mt-0.5 text-[0.8125rem] whitespace-pre-line">{f.strengths || "—"}</p>
            </div>
            <div>
              <p className="text-xs font-medium text-muted-foreground">Concerns</p>
              <p className="mt-0.5 text-[0.8125rem] whitespace-pre-line">{f.concerns || "—"}</p>
            </div>
          </div>
        ) : null}
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
