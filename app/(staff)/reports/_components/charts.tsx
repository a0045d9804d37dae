"use client";

import { Bar, BarChart, CartesianGrid, LabelList, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { FunnelStep, GroupSummary, PromiseKeeping, WeekCount } from "@/lib/core/reports/metrics";
import { formatHours, formatPercent, formatWeek } from "@/lib/core/reports/format";
import { STAGE_LABELS } from "@/lib/core/vocabulary";

/**
 * The reports page's charts. Each is drawn as one image (role="img" with a
 * summary in its label) and the exact numbers sit in the table next to it,
 * which is what screen readers and keyboards use.
 */

const AXIS = { fontSize: 12, fill: "var(--muted-foreground)" };
const GRID = "var(--border)";
const tooltipStyle = {
  contentStyle: {
    background: "var(--popover)",
    border: "1px solid var(--border)",
    borderRadius: 8,
    fontSize: 12,
    color: "var(--popover-foreground)",
  },
  labelStyle: { color: "var(--popover-foreground)", fontWeight: 600 },
  cursor: { fill: "var(--hover)" },
};

function ChartFrame({ label, height, children }: { label: string; height: number; children: React.ReactNode }) {
  return (
    <div role="img" aria-label={label} className="w-full" style={{ height }}>
      {children}
    </div>
  );
}

export function FunnelChart({ steps }: { steps: FunnelStep[] }) {
  const data = steps.map((s) => ({ name: STAGE_LABELS[s.stage], reached: s.reached, conversion: s.conversion === null ? "" : formatPercent(s.conversion) }));
  const label = `Bar chart of applications by the furthest stage reached: ${steps
    .map((s) => `${STAGE_LABELS[s.stage]} ${s.reached}`)
    .join(", ")}.`;
  return (
    <ChartFrame label={label} height={240}>
      <BarChart data={data} layout="vertical" responsive style={{ width: "100%", height: 240 }} accessibilityLayer={false} margin={{ left: 8, right: 48 }}>
        <CartesianGrid horizontal={false} stroke={GRID} />
        <XAxis type="number" allowDecimals={false} tick={AXIS} stroke={GRID} />
        <YAxis type="category" dataKey="name" width={92} tick={AXIS} stroke={GRID} />
        <Tooltip {...tooltipStyle} formatter={(v) => [v, "Applications"]} />
        <Bar dataKey="reached" name="Applications" fill="var(--accent)" radius={[0, 4, 4, 0]} isAnimationActive={false}>
          <LabelList dataKey="conversion" position="right" style={{ fontSize: 11, fill: "var(--muted-foreground)" }} />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}

export function WeeklyInterviewsChart({ weeks }: { weeks: WeekCount[] }) {
  const data = weeks.map((w) => ({ name: formatWeek(w.week), interviews: w.interviews }));
  const total = weeks.reduce((n, w) => n + w.interviews, 0);
  const peak = weeks.reduce((m, w) => Math.max(m, w.interviews), 0);
  const label = `Bar chart of interviews per week over ${weeks.length} weeks: ${total} in all, at most ${peak} in a week.`;
  return (
    <ChartFrame label={label} height={240}>
      <BarChart data={data} responsive style={{ width: "100%", height: 240 }} accessibilityLayer={false} margin={{ left: -16, right: 8 }}>
        <CartesianGrid vertical={false} stroke={GRID} />
        <XAxis dataKey="name" tick={AXIS} stroke={GRID} interval="preserveStartEnd" minTickGap={16} />
        <YAxis allowDecimals={false} tick={AXIS} stroke={GRID} />
        <Tooltip {...tooltipStyle} formatter={(v) => [v, "Interviews"]} labelFormatter={(l) => `Week of ${l}`} />
        <Bar dataKey="interviews" name="Interviews" fill="var(--accent)" radius={[3, 3, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}

export function SpeedByRecruiterChart({ groups }: { groups: GroupSummary[] }) {
  const data = groups.map((g) => ({
    name: g.name,
    debrief: g.medianHoursToDebrief,
    feedback: g.medianHoursToFeedback,
  }));
  const label = `Bar chart of median hours to debrief and to client feedback by recruiter: ${groups
    .map((g) => `${g.name} ${formatHours(g.medianHoursToDebrief)} to debrief, ${formatHours(g.medianHoursToFeedback)} to feedback`)
    .join("; ")}.`;
  const height = Math.max(160, 56 + groups.length * 44);
  return (
    <ChartFrame label={label} height={height}>
      <BarChart data={data} layout="vertical" responsive style={{ width: "100%", height }} accessibilityLayer={false} margin={{ left: 8, right: 16 }}>
        <CartesianGrid horizontal={false} stroke={GRID} />
        <XAxis type="number" tick={AXIS} stroke={GRID} unit=" h" />
        <YAxis type="category" dataKey="name" width={112} tick={AXIS} stroke={GRID} />
        <Tooltip {...tooltipStyle} formatter={(v, n) => [formatHours(typeof v === "number" ? v : null), n]} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        <Bar dataKey="debrief" name="To debrief" fill="var(--accent)" radius={[0, 3, 3, 0]} isAnimationActive={false} />
        <Bar dataKey="feedback" name="To client feedback" fill="var(--due)" radius={[0, 3, 3, 0]} isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}

export function PromisesChart({ clients }: { clients: PromiseKeeping[] }) {
  const shown = clients.filter((c) => c.promised > 0);
  const data = shown.map((c) => ({ name: c.client, kept: c.kept, late: c.late, overdue: c.overdue, pending: c.pending }));
  const label = `Stacked bar chart of promised decision dates by client: ${shown
    .map((c) => `${c.client} ${c.kept} kept, ${c.late} late, ${c.overdue} overdue, ${c.pending} not yet due`)
    .join("; ")}.`;
  const height = Math.max(160, 56 + shown.length * 40);
  return (
    <ChartFrame label={label} height={height}>
      <BarChart data={data} layout="vertical" responsive style={{ width: "100%", height }} accessibilityLayer={false} margin={{ left: 8, right: 16 }}>
        <CartesianGrid horizontal={false} stroke={GRID} />
        <XAxis type="number" allowDecimals={false} tick={AXIS} stroke={GRID} />
        <YAxis type="category" dataKey="name" width={132} tick={AXIS} stroke={GRID} />
        <Tooltip {...tooltipStyle} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        <Bar dataKey="kept" name="Kept" stackId="p" fill="var(--done)" isAnimationActive={false} />
        <Bar dataKey="late" name="Late" stackId="p" fill="var(--due)" isAnimationActive={false} />
        <Bar dataKey="overdue" name="Overdue" stackId="p" fill="var(--overdue)" isAnimationActive={false} />
        <Bar dataKey="pending" name="Not yet due" stackId="p" fill="var(--not-allowed)" isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}
