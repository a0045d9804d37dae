"use client";

import { Download, FileSpreadsheet, FileText, LoaderCircle, X } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Alert, AlertDescription } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { Label } from "@/app/_components/ui/label";
import { REPORT_LABELS, type ReportKind } from "@/lib/core/reports/columns";
import { formatCount } from "@/lib/core/reports/format";

type Format = "csv" | "xlsx";

type Job =
  | { state: "running"; report: ReportKind; format: Format; rows: number; bytes: number }
  | { state: "done"; report: ReportKind; format: Format; rows: number | null; filename: string }
  | { state: "cancelled"; report: ReportKind; format: Format }
  | { state: "error"; report: ReportKind; format: Format; message: string };

/** The server's filename from Content-Disposition (RFC 6266: filename* first). */
function filenameFrom(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]!);
    } catch {
      /* fall through */
    }
  }
  const plain = /filename="([^"]+)"/i.exec(header);
  return plain?.[1] ?? fallback;
}

function describe(job: Job): string {
  const what = `${REPORT_LABELS[job.report]} (${job.format.toUpperCase()})`;
  switch (job.state) {
    case "running":
      return `Exporting ${what}… ${formatCount(job.rows)} rows so far (${(job.bytes / 1024).toFixed(0)} KB received).`;
    case "done":
      return job.rows === null ? `${what} downloaded as ${job.filename}.` : `${what} downloaded: ${formatCount(job.rows)} rows in ${job.filename}.`;
    case "cancelled":
      return `The ${what} export was cancelled.`;
    case "error":
      return job.message;
  }
}

/**
 * Download buttons for both reports in both formats, with the page's filters.
 * Each is a plain link (it works without JavaScript); with JavaScript the file
 * is fetched here so the page can show the rows written so far and offer Cancel.
 */
export function ExportPanel({ query }: { query: string }) {
  const [bom, setBom] = useState(false);
  const [job, setJob] = useState<Job | null>(null);
  const abort = useRef<AbortController | null>(null);
  const runId = useRef<string | null>(null);

  useEffect(() => () => abort.current?.abort(), []);

  const href = (report: ReportKind, format: Format) => {
    const params = new URLSearchParams(query);
    if (format === "csv" && bom) params.set("bom", "1");
    const qs = params.toString();
    return `/api/exports/${report}.${format}${qs ? `?${qs}` : ""}`;
  };

  async function pollRows(id: string): Promise<{ rows: number; status: string } | null> {
    const res = await fetch(`/api/exports/runs/${id}`, { cache: "no-store" }).catch(() => null);
    if (!res?.ok) return null;
    return (await res.json()) as { rows: number; status: string };
  }

  async function start(report: ReportKind, format: Format) {
    if (job?.state === "running") return;
    const controller = new AbortController();
    abort.current = controller;
    runId.current = null;
    setJob({ state: "running", report, format, rows: 0, bytes: 0 });
    let timer: ReturnType<typeof setInterval> | undefined;
    try {
      const res = await fetch(href(report, format), { signal: controller.signal, cache: "no-store" });
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => null)) as { error?: string } | null;
        setJob({
          state: "error",
          report,
          format,
          message:
            body?.error ??
            (res.status === 401 ? "Your session has ended. Sign in again to export." : "The export could not start. Try again in a moment."),
        });
        return;
      }
      const id = res.headers.get("x-export-run");
      runId.current = id;
      let rows = 0;
      let bytes = 0;
      if (id) {
        timer = setInterval(() => {
          void pollRows(id).then((run) => {
            if (run && !controller.signal.aborted) {
              rows = Math.max(rows, run.rows);
              setJob((j) => (j?.state === "running" ? { ...j, rows } : j));
            }
          });
        }, 700);
      }
      const reader = res.body.getReader();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value as Uint8Array<ArrayBuffer>);
        bytes += value.byteLength;
        setJob((j) => (j?.state === "running" ? { ...j, bytes } : j));
      }
      clearInterval(timer);
      const filename = filenameFrom(res.headers.get("content-disposition"), `${report}.${format}`);
      const blob = new Blob(chunks, { type: res.headers.get("content-type") ?? "application/octet-stream" });
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = filename;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      let final = id ? await pollRows(id) : null;
      if (id && final?.status === "running") {
        await new Promise((r) => setTimeout(r, 400));
        final = await pollRows(id);
      }
      setJob({ state: "done", report, format, rows: final && final.status === "done" ? final.rows : null, filename });
    } catch {
      clearInterval(timer);
      if (controller.signal.aborted) setJob({ state: "cancelled", report, format });
      else setJob({ state: "error", report, format, message: "The download was interrupted. Try again." });
    } finally {
      if (abort.current === controller) abort.current = null;
    }
  }

  function cancel() {
    const id = runId.current;
    abort.current?.abort();
    if (id) void fetch(`/api/exports/runs/${id}/cancel`, { method: "POST" }).catch(() => {});
  }

  const running = job?.state === "running";

  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-3 sm:grid-cols-2">
        {(["applications", "interviews"] as const).map((report) => (
          <div key={report} className="flex flex-col gap-2 rounded-md border border-border bg-subtle p-3">
            <p className="text-sm font-medium">
              {REPORT_LABELS[report]}
              <span className="font-normal text-muted-foreground">
                {report === "applications" ? " · one row per application" : " · one row per interview"}
              </span>
            </p>
            <div className="flex flex-wrap gap-2">
              {(["csv", "xlsx"] as const).map((format) => (
                <Button key={format} asChild variant="outline" size="sm" aria-disabled={running || undefined}>
                  <a
                    href={href(report, format)}
                    download
                    onClick={(e) => {
                      e.preventDefault();
                      void start(report, format);
                    }}
                  >
                    {format === "csv" ? <FileText aria-hidden="true" /> : <FileSpreadsheet aria-hidden="true" />}
                    {`Download ${REPORT_LABELS[report].toLowerCase()} ${format.toUpperCase()}`}
                  </a>
                </Button>
              ))}
            </div>
          </div>
        ))}
      </div>
      <div className="flex items-start gap-2.5">
        <Checkbox id="export-bom" checked={bom} onChange={(e) => setBom(e.target.checked)} className="mt-0.5" />
        <div className="space-y-0.5">
          <Label htmlFor="export-bom" className="font-normal">
            CSV for Excel (adds a byte order mark)
          </Label>
          <p className="text-[0.8125rem] text-muted-foreground">
            Excel needs it to read accented names correctly; other tools read the file either way.
          </p>
        </div>
      </div>
      <div aria-live="polite" className="min-h-0">
        {job ? (
          <Alert
            variant={job.state === "error" ? "error" : job.state === "done" ? "success" : "info"}
            hideIcon={job.state === "running"}
            data-testid="export-status"
          >
            <AlertDescription className="flex flex-wrap items-center gap-3">
              {job.state === "running" ? <LoaderCircle aria-hidden="true" className="size-4 animate-spin" /> : null}
              {job.state === "done" ? <Download aria-hidden="true" className="size-4" /> : null}
              <span className="min-w-0 flex-1">{describe(job)}</span>
              {running ? (
                <Button variant="outline" size="sm" onClick={cancel}>
                  <X aria-hidden="true" />
                  Cancel export
                </Button>
              ) : null}
            </AlertDescription>
          </Alert>
        ) : null}
      </div>
    </div>
  );
}
