import { Resvg } from "@resvg/resvg-js";
import type { FunnelStep } from "@/lib/core/reports/metrics";
import { formatCount, formatPercent } from "@/lib/core/reports/format";
import { stageLabel } from "@/lib/core/vocabulary";

/**
 * The reports page's funnel as a small image for mail: an SVG string (bars,
 * labels, counts) rendered to PNG by resvg, whose native binary comes in its
 * npm package. Mail clients do not show inline SVG, hence the PNG.
 */

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

export const FUNNEL_WIDTH = 560;

export function funnelSvg(steps: readonly FunnelStep[]): string {
  const row = 30;
  const labelWidth = 130;
  const barMax = FUNNEL_WIDTH - labelWidth - 120;
  const height = steps.length * row + 16;
  const max = Math.max(1, ...steps.map((s) => s.reached));
  const bars = steps.map((s, i) => {
    const y = 8 + i * row;
    const w = Math.max(2, Math.round((s.reached / max) * barMax));
    const share = s.conversion === null ? "" : ` (${formatPercent(s.conversion)})`;
    return [
      `<text x="${labelWidth - 8}" y="${y + 19}" text-anchor="end" font-size="13" fill="#1f2328">${escapeXml(stageLabel(s.stage))}</text>`,
      `<rect x="${labelWidth}" y="${y + 4}" width="${w}" height="${row - 8}" rx="3" fill="#1d4ed8"/>`,
      `<text x="${labelWidth + w + 6}" y="${y + 19}" font-size="13" fill="#1f2328">${escapeXml(formatCount(s.reached) + share)}</text>`,
    ].join("");
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${FUNNEL_WIDTH}" height="${height}" viewBox="0 0 ${FUNNEL_WIDTH} ${height}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif"><rect width="100%" height="100%" fill="#ffffff"/>${bars.join("")}</svg>`;
}

export function funnelPng(steps: readonly FunnelStep[]): Buffer {
  const resvg = new Resvg(funnelSvg(steps), { fitTo: { mode: "width", value: FUNNEL_WIDTH * 2 }, font: { loadSystemFonts: true } });
  return Buffer.from(resvg.render().asPng());
}
