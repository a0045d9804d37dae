"use client";

import { CalendarPlus, GripVertical } from "lucide-react";
import Link from "next/link";
import { useRef, useState, type DragEvent } from "react";
import { flushSync } from "react-dom";
import { cn } from "@/lib/core/utils";
import { needsReason } from "@/lib/core/validation/records";
import { CLOSED_STAGES, OPEN_STAGES, stageLabel, type Stage } from "@/lib/core/vocabulary";
import { StageBadge } from "../../_components/stage-badge";
import { StageMoveForm } from "../../_components/stage-move-form";

export interface BoardCard {
  id: string;
  version: number;
  stage: Stage;
  candidateId: string;
  candidateName: string;
  headline: string;
  /** How long it has been in this stage ("4 days"), and since when. */
  since: string;
  sinceDate: string;
  recruiterName: string | null;
  nextInterview: string | null;
  interviews: number;
  closedReason: string;
}

/**
 * The job's pipeline by stage. A column shows the most recently moved cards
 * (the page reads a bounded number per stage), its header counts them all, and
 * a link opens the rest in the pipeline table. Every card has a "Move to…" control (keyboard
 * and screen reader); dragging a card onto a column does the same thing, and
 * a drop on rejected or withdrawn opens the reason field instead of moving.
 */
export function JobBoard({
  cards,
  totals,
  jobId,
  canMove,
  canSchedule,
}: {
  cards: BoardCard[];
  /** Every application of the job in a stage, shown or not; a stage without one is absent. */
  totals: Partial<Record<Stage, number>>;
  jobId: string;
  canMove: boolean;
  canSchedule: boolean;
}) {
  const [targets, setTargets] = useState<Record<string, string>>({});
  const [lastMove, setLastMove] = useState<{ id: string; stage: string; name: string } | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const forms = useRef(new Map<string, HTMLFormElement>());

  const moved = lastMove && cards.find((c) => c.id === lastMove.id)?.stage === lastMove.stage ? lastMove : null;

  function drop(event: DragEvent, stage: Stage) {
    event.preventDefault();
    setOver(null);
    setDragging(null);
    const id = event.dataTransfer.getData("text/plain");
    const card = cards.find((c) => c.id === id);
    if (!card || card.stage === stage) return;
    flushSync(() => setTargets((t) => ({ ...t, [id]: stage })));
    if (needsReason(stage)) document.getElementById(`reason-${id}`)?.focus();
    else forms.current.get(id)?.requestSubmit();
  }

  const column = (stage: Stage) => {
    const inStage = cards.filter((c) => c.stage === stage);
    const total = Math.max(totals[stage] ?? 0, inStage.length);
    const headingId = `column-${stage}`;
    return (
      <section
        key={stage}
        aria-labelledby={headingId}
        onDragOver={(e) => {
          if (!dragging) return;
          e.preventDefault();
          setOver(stage);
        }}
        onDragLeave={() => setOver((o) => (o === stage ? null : o))}
        onDrop={(e) => drop(e, stage)}
        className={cn(
          "flex min-h-32 min-w-0 flex-col gap-2 rounded-lg border border-border bg-subtle p-2 transition-colors",
          over === stage && "border-accent bg-accent-subtle",
        )}
      >
        <h3 id={headingId} className="flex items-center justify-between gap-2 px-1 pt-0.5 text-sm font-semibold">
          <StageBadge stage={stage} />
          <span className="text-xs font-medium text-muted-foreground tabular-nums">
            {total} <span className="sr-only">{total === 1 ? "application" : "applications"}</span>
          </span>
        </h3>
        {inStage.length === 0 ? (
          <p className="px-1 py-3 text-center text-xs text-muted-foreground">Nobody here.</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {inStage.map((card) => (
              <li
                key={card.id}
                draggable={canMove}
                onDragStart={(e) => {
                  e.dataTransfer.setData("text/plain", card.id);
                  e.dataTransfer.effectAllowed = "move";
                  setDragging(card.id);
                }}
                onDragEnd={() => {
                  setDragging(null);
                  setOver(null);
                }}
                className={cn(
                  "flex flex-col gap-2 rounded-md border border-border bg-card p-2.5 shadow-xs",
                  dragging === card.id && "opacity-60",
                  moved?.id === card.id && "ring-2 ring-accent/50",
                )}
                data-application={card.id}
              >
                <div className="flex items-start gap-1.5">
                  {canMove ? (
                    <GripVertical aria-hidden="true" className="mt-0.5 size-4 shrink-0 cursor-grab text-muted-foreground" />
                  ) : null}
                  <div className="min-w-0 flex-1">
                    <Link href={`/candidates/${card.candidateId}`} className="block truncate font-medium hover:underline">
                      {card.candidateName}
                    </Link>
                    {card.headline ? <p className="truncate text-xs text-muted-foreground">{card.headline}</p> : null}
                  </div>
                </div>
                <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-2 gap-y-0.5 text-xs text-muted-foreground">
                  <dt>In stage</dt>
                  <dd className="truncate">
                    {card.since} <span className="sr-only">(since {card.sinceDate})</span>
                  </dd>
                  {card.nextInterview ? (
                    <>
                      <dt>Next</dt>
                      <dd className="truncate text-foreground">{card.nextInterview}</dd>
                    </>
                  ) : null}
                  {card.closedReason ? (
                    <>
                      <dt>Reason</dt>
                      <dd className="line-clamp-2">{card.closedReason}</dd>
                    </>
                  ) : null}
                </dl>
                {canMove ? (
                  <StageMoveForm
                    applicationId={card.id}
                    version={card.version}
                    stage={card.stage}
                    candidateName={card.candidateName}
                    target={targets[card.id] ?? ""}
                    onTargetChange={(s) => setTargets((t) => ({ ...t, [card.id]: s }))}
                    onSubmitted={(s) => setLastMove({ id: card.id, stage: s, name: card.candidateName })}
                    formRef={(el) => {
                      if (el) forms.current.set(card.id, el);
                      else forms.current.delete(card.id);
                    }}
                    autoFocus={moved?.id === card.id}
                  />
                ) : null}
                {canSchedule && (stage === "submitted" || stage === "interviewing" || stage === "offer" || stage === "sourced") ? (
                  <Link
                    href={`/interviews/new?application=${card.id}`}
                    className="inline-flex items-center gap-1 self-start text-xs font-medium text-accent-text hover:underline"
                  >
                    <CalendarPlus aria-hidden="true" className="size-3.5" />
                    Schedule interview
                    <span className="sr-only"> for {card.candidateName}</span>
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {total > inStage.length ? (
          <Link
            href={`/jobs/pipeline?job=${jobId}&stage=${stage}`}
            className="px-1 py-1 text-xs font-medium text-accent-text hover:underline"
          >
            Show all {total} in the pipeline
            <span className="sr-only"> ({stageLabel(stage)})</span>
          </Link>
        ) : null}
      </section>
    );
  };

  return (
    <div className="flex flex-col gap-4">
      <p aria-live="polite" className="sr-only">
        {moved ? `${moved.name} moved to ${stageLabel(moved.stage)}.` : ""}
      </p>
      {/* Scrolls sideways on narrower desktops; focusable so the keyboard can scroll it too. */}
      <div
        role="group"
        aria-label="Open stages"
        tabIndex={0}
        className="grid gap-3 rounded-lg md:grid-cols-3 xl:grid-cols-[repeat(5,minmax(13rem,1fr))] xl:overflow-x-auto"
      >
        {OPEN_STAGES.map(column)}
      </div>
      <div>
        <h3 className="mb-2 text-sm font-semibold text-muted-foreground">Closed</h3>
        <div className="grid gap-3 md:grid-cols-2">{CLOSED_STAGES.map(column)}</div>
      </div>
    </div>
  );
}
