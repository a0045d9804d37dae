import { Table, TableCaption, TBody, Td, Th, THead, Tr } from "@/app/_components/ui/table";
import type { FunnelStep, GroupSummary, PromiseKeeping, WeekCount } from "@/lib/core/reports/metrics";
import Link from "next/link";
import { busiest, formatCount, formatDaysVsPromise, formatHours, formatPercent, formatWeek } from "@/lib/core/reports/format";
import { STAGE_LABELS } from "@/lib/core/vocabulary";

/** The numbers behind each chart, as tables (what assistive technology reads). */

/**
 * A scrolling box around a table that keyboard users can focus (and so
 * scroll); the table's own wrapper stops scrolling so there is one scroller.
 */
function Scroll({ label, className, children }: { label: string; className?: string; children: React.ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`overflow-auto rounded-lg ${className ?? ""}`}>
      {children}
    </div>
  );
}

export function FunnelTable({ steps }: { steps: FunnelStep[] }) {
  return (
    <Scroll label="Funnel numbers" className="max-h-72">
      <Table containerClassName="overflow-visible">
        <TableCaption className="sr-only">Funnel by stage: applications reaching each stage and the conversion from the stage before</TableCaption>
        <THead>
          <Tr>
            <Th>Stage</Th>
            <Th align="right">Applications</Th>
            <Th align="right">Conversion</Th>
          </Tr>
        </THead>
        <TBody>
          {steps.map((s) => (
            <Tr key={s.stage}>
              <Th scope="row" className="h-9 bg-transparent text-sm font-normal whitespace-normal text-foreground">
                {STAGE_LABELS[s.stage]}
              </Th>
              <Td align="right" numeric>
                {formatCount(s.reached)}
              </Td>
              <Td align="right" numeric>
                {formatPercent(s.conversion)}
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </Scroll>
  );
}

export function WeeksTable({ weeks }: { weeks: WeekCount[] }) {
  return (
    <Scroll label="Interviews per week numbers" className="max-h-72">
      <Table containerClassName="max-h-none overflow-visible" stickyHeader>
        <TableCaption className="sr-only">Interviews per week</TableCaption>
        <THead>
          <Tr>
            <Th>Week of</Th>
            <Th align="right">Interviews</Th>
          </Tr>
        </THead>
        <TBody>
          {[...weeks].reverse().map((w) => (
            <Tr key={w.week}>
              <Th scope="row" className="h-9 bg-transparent text-sm font-normal whitespace-normal text-foreground">
                <time dateTime={w.week}>{formatWeek(w.week)}, {w.week.slice(0, 4)}</time>
              </Th>
              <Td align="right" numeric>
                {formatCount(w.interviews)}
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </Scroll>
  );
}

export function SpeedTable({ groups }: { groups: GroupSummary[] }) {
  return (
    <Scroll label="Speed by recruiter numbers" className="max-h-72">
      <Table containerClassName="overflow-visible">
        <TableCaption className="sr-only">Median hours to debrief and to client feedback by recruiter</TableCaption>
        <THead>
          <Tr>
            <Th>Recruiter</Th>
            <Th align="right">To debrief</Th>
            <Th align="right">To client feedback</Th>
          </Tr>
        </THead>
        <TBody>
          {groups.map((g) => (
            <Tr key={g.id ?? "none"}>
              <Th scope="row" className="h-9 bg-transparent text-sm font-normal whitespace-normal text-foreground">
                {g.name}
              </Th>
              <Td align="right" numeric>
                {formatHours(g.medianHoursToDebrief)}
              </Td>
              <Td align="right" numeric>
                {formatHours(g.medianHoursToFeedback)}
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </Scroll>
  );
}

/** Under a table that lists the busiest rows only: how many there are, and the link to all of them. */
function MoreRows({ shown, total, noun, by, allHref }: { shown: number; total: number; noun: string; by: string; allHref?: string }) {
  if (shown >= total) return null;
  return (
    <p className="text-xs text-muted-foreground">
      The {shown} {noun} with the most {by}, of {formatCount(total)}.{" "}
      {allHref ? (
        <Link href={allHref} className="font-medium text-accent-text underline-offset-2 hover:underline">
          List all {formatCount(total)} {noun}
        </Link>
      ) : null}
    </p>
  );
}

/** Past `limit` rows a table lists its busiest rows, and links to the page listing all of them (`allHref`). */
export type RowLimit = { limit?: number; allHref?: string };

export function PromisesTable({ clients, limit, allHref }: { clients: PromiseKeeping[] } & RowLimit) {
  const promised = clients.filter((c) => c.promised > 0);
  const { shown, total } = limit ? busiest(promised, (c) => c.promised, limit) : { shown: promised, total: promised.length };
  return (
    <>
      <Scroll label="Promises by client numbers" className="max-h-80">
        <Table containerClassName="overflow-visible">
          <TableCaption className="sr-only">Promised decision dates by client: kept, late, overdue and not yet due</TableCaption>
          <THead>
            <Tr>
              <Th>Client</Th>
              <Th align="right">Kept</Th>
              <Th align="right">Late</Th>
              <Th align="right">Overdue</Th>
              <Th align="right">Not yet due</Th>
              <Th align="right">Kept rate</Th>
              <Th align="right">Typical vs promise</Th>
            </Tr>
          </THead>
          <TBody>
            {shown.map((c) => (
              <Tr key={c.clientId}>
                <Th scope="row" className="h-9 bg-transparent text-sm font-normal whitespace-normal text-foreground">
                  {c.client}
                </Th>
                <Td align="right" numeric>{formatCount(c.kept)}</Td>
                <Td align="right" numeric>{formatCount(c.late)}</Td>
                <Td align="right" numeric>{formatCount(c.overdue)}</Td>
                <Td align="right" numeric>{formatCount(c.pending)}</Td>
                <Td align="right" numeric>{formatPercent(c.keptRate)}</Td>
                <Td align="right" className="whitespace-nowrap">{formatDaysVsPromise(c.medianDaysVsPromise)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </Scroll>
      <MoreRows shown={shown.length} total={total} noun="clients" by="promised decision dates" allHref={allHref} />
    </>
  );
}

export function GroupTable({
  id,
  title,
  firstColumn,
  groups: all,
  weeks,
  noun,
  limit,
  allHref,
}: {
  id: string;
  title: string;
  firstColumn: string;
  groups: GroupSummary[];
  /** Weeks the selection spans, for the interviews-per-week average. */
  weeks: number;
  /** What a row is, in the plural ("recruiters"). */
  noun: string;
} & RowLimit) {
  const { shown: groups, total } = limit ? busiest(all, (g) => g.applications, limit) : { shown: all, total: all.length };
  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-3">
      <h2 id={`${id}-heading`} className="text-base font-semibold">
        {title}
      </h2>
      <Scroll label={`${title} numbers`} className="max-h-[32rem]">
        <Table containerClassName="max-h-none overflow-visible" stickyHeader>
          <TableCaption className="sr-only">The summary figures {title.toLowerCase()}</TableCaption>
          <THead>
            <Tr>
              <Th>{firstColumn}</Th>
              <Th align="right">Applications</Th>
              <Th>
                Funnel <span className="font-normal">(sourced → placed)</span>
              </Th>
              <Th align="right">Interviews</Th>
              <Th align="right">Per week</Th>
              <Th align="right">Debrief completion</Th>
              <Th align="right">Median to debrief</Th>
              <Th align="right">Median to client feedback</Th>
              <Th align="right">Interview to offer</Th>
              <Th align="right">Offer to placement</Th>
            </Tr>
          </THead>
          <TBody>
            {groups.map((g) => (
              <Tr key={g.id ?? "none"}>
                <Th scope="row" className="h-10 bg-transparent text-sm font-medium whitespace-normal text-foreground">
                  {g.name}
                </Th>
                <Td align="right" numeric>{formatCount(g.applications)}</Td>
                <Td numeric className="whitespace-nowrap text-muted-foreground">
                  <span className="sr-only">Sourced, submitted, interviewing, offer, placed: </span>
                  {g.funnel.map(formatCount).join(" → ")}
                </Td>
                <Td align="right" numeric>{formatCount(g.interviews)}</Td>
                <Td align="right" numeric>{weeks > 0 ? (g.interviews / weeks).toFixed(1) : "—"}</Td>
                <Td align="right" numeric>
                  {formatPercent(g.debrief.rate)}
                  <span className="ml-1 text-xs text-muted-foreground">
                    ({g.debrief.debriefed}/{g.debrief.completed})
                  </span>
                </Td>
                <Td align="right" numeric>{formatHours(g.medianHoursToDebrief)}</Td>
                <Td align="right" numeric>{formatHours(g.medianHoursToFeedback)}</Td>
                <Td align="right" numeric>
                  {formatPercent(g.ratios.interviewToOffer)}
                  <span className="ml-1 text-xs text-muted-foreground">
                    ({g.ratios.offers}/{g.ratios.interviewed})
                  </span>
                </Td>
                <Td align="right" numeric>
                  {formatPercent(g.ratios.offerToPlacement)}
                  <span className="ml-1 text-xs text-muted-foreground">
                    ({g.ratios.placements}/{g.ratios.offers})
                  </span>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
    </Scroll>
      <MoreRows shown={groups.length} total={total} noun={noun} by="applications" allHref={allHref} />
    </section>
  );
}
