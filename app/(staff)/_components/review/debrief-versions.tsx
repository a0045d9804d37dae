import { MessageSquareQuote } from "lucide-react";
import type { ReviewDebrief } from "@/db/queries/review";
import { CALL_INVITATION_LABELS, type CallInvitation } from "@/lib/core/vocabulary";
import { SNAPSHOT_LABELS } from "./debrief-labels";
import { momentLabel } from "./format";

function show(value: unknown, key?: string): string {
  if (key === "callInvitation" && typeof value === "string" && value in CALL_INVITATION_LABELS) {
    return CALL_INVITATION_LABELS[value as CallInvitation];
  }
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) return value.map((p) => (p && typeof p === "object" ? String((p as { name?: string }).name ?? "") : String(p))).join(", ") || "—";
  return String(value);
}

/** Earlier submissions, each with what the next one changed. */
export function DebriefVersions({ d, zone }: { d: ReviewDebrief; zone: string }) {
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
                        <td className="px-3 py-1.5 whitespace-pre-line text-muted-foreground">{show(v.snapshot[k], k)}</td>
                        <td className="px-3 py-1.5 whitespace-pre-line">{show(next.snapshot[k], k)}</td>
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
