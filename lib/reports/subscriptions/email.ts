import type { ReportMetrics } from "@/lib/core/reports/metrics";
import { formatCount, formatHours, formatPercent } from "@/lib/core/reports/format";
import { stageLabel } from "@/lib/core/vocabulary";

/**
 * The scheduled report email: the page's summary numbers, the funnel as an
 * inline image (cid:funnel), the link to the page with the same filters,
 * the CSV note when one is attached, and the one unsubscribe link. Plain
 * text first, with an HTML part that says the same.
 */

export const FUNNEL_CID = "funnel@afterview";

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export type ReportMailInput = {
  firmName: string;
  name: string;
  /** "Daily at 08:00" */
  schedule: string;
  /** The filters in words ("client=…, from=…" or "none"). */
  filtersText: string;
  metrics: ReportMetrics;
  pageUrl: string;
  unsubscribeUrl: string;
  /** Set when the CSV is attached. */
  csv?: { rows: number; capped: boolean; cap: number; fullUrl: string } | null;
  /** The local day or week the mail is for. */
  period: string;
};

export function summaryLines(m: ReportMetrics): [string, string][] {
  const s = m.summary;
  return [
    ["Applications", formatCount(s.applications)],
    ["Interviews (not counting cancelled)", formatCount(s.interviews)],
    ["Debrief completion", `${formatPercent(s.debrief.rate)} (${formatCount(s.debrief.debriefed)} of ${formatCount(s.debrief.completed)} held interviews)`],
    ["Median time to debrief", formatHours(s.medianHoursToDebrief)],
    ["Median time to client feedback", formatHours(s.medianHoursToFeedback)],
    ["Interview to offer", `${formatPercent(s.ratios.interviewToOffer)} (${formatCount(s.ratios.offers)} offers from ${formatCount(s.ratios.interviewed)} interviewed)`],
    ["Offer to placement", `${formatPercent(s.ratios.offerToPlacement)} (${formatCount(s.ratios.placements)} placed from ${formatCount(s.ratios.offers)} offers)`],
  ];
}

export function reportEmail(input: ReportMailInput) {
  const subject = `Your report from ${input.firmName} (${input.period})`;
  const lines = summaryLines(input.metrics);
  const funnelText = input.metrics.funnel.map((f) => `${stageLabel(f.stage)}: ${formatCount(f.reached)}`).join(", ");
  const csvText = input.csv
    ? input.csv.capped
      ? `The attached CSV holds the first ${formatCount(input.csv.cap)} rows. The whole file: ${input.csv.fullUrl}`
      : `The attached CSV holds all ${formatCount(input.csv.rows)} rows.`
    : null;
  const text = [
    `Hello ${input.name},`,
    "",
    `Your report (${input.schedule}, filters: ${input.filtersText}):`,
    "",
    ...lines.map(([k, v]) => `${k}: ${v}`),
    "",
    `Funnel: ${funnelText}`,
    "",
    `Open the report: ${input.pageUrl}`,
    ...(csvText ? ["", csvText] : []),
    "",
    `Stop these emails: ${input.unsubscribeUrl}`,
    "",
    `— ${input.firmName}`,
  ].join("\n");

  const font = "-apple-system,Segoe UI,Helvetica,Arial,sans-serif";
  const p = (t: string, extra = "") => `<p style="margin:0 0 14px;font:15px/1.5 ${font};color:#1f2328${extra}">${t}</p>`;
  const html = [
    `<!doctype html><html lang="en"><body style="margin:0;padding:24px;background:#f6f7f9">`,
    `<div style="max-width:600px;margin:0 auto;background:#ffffff;border:1px solid #e3e6ea;border-radius:10px;padding:24px">`,
    p(`Hello ${escapeHtml(input.name)},`),
    p(`Your report (${escapeHtml(input.schedule)}, filters: ${escapeHtml(input.filtersText)}):`),
    `<table role="presentation" style="border-collapse:collapse;margin:0 0 16px;font:14px/1.4 ${font};color:#1f2328">`,
    ...lines.map(([k, v]) => `<tr><th scope="row" style="text-align:left;font-weight:500;padding:4px 16px 4px 0;color:#57606a">${escapeHtml(k)}</th><td style="padding:4px 0">${escapeHtml(v)}</td></tr>`),
    `</table>`,
    `<img src="cid:${FUNNEL_CID}" width="560" alt="${escapeHtml(`Funnel by stage: ${funnelText}`)}" style="display:block;max-width:100%;height:auto;margin:0 0 16px">`,
    `<p style="margin:20px 0"><a href="${escapeHtml(input.pageUrl)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;text-decoration:none;font:600 15px ${font};padding:10px 18px;border-radius:8px">Open the report</a></p>`,
    ...(input.csv
      ? [
          p(
            input.csv.capped
              ? `The attached CSV holds the first ${escapeHtml(formatCount(input.csv.cap))} rows. <a href="${escapeHtml(input.csv.fullUrl)}" style="color:#1d4ed8">Download the whole file</a>.`
              : `The attached CSV holds all ${escapeHtml(formatCount(input.csv.rows))} rows.`,
          ),
        ]
      : []),
    p(`<a href="${escapeHtml(input.unsubscribeUrl)}" style="color:#57606a">Stop these emails</a>`, ";font-size:13px"),
    p(`— ${escapeHtml(input.firmName)}`),
    `</div></body></html>`,
  ].join("");
  return { subject, text, html };
}
