"use client";

import { useEffect, useRef, useState } from "react";
import { dayLabel, timeLabel, whenLabel } from "@/app/(candidate)/_components/format";
import { Alert, AlertDescription, BUTTON_CLASSES, CheckIcon, CircleAlertIcon, CloudOffIcon, LoaderIcon } from "../debrief-ui";
import type { SaveStatus } from "../autosave-core";

function SaveIndicator({ status, timeZone, renderedAt }: { status: SaveStatus; timeZone: string; renderedAt: Date }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (status.kind !== "retrying") return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [status.kind]);

  switch (status.kind) {
    case "idle":
      return <span className="text-muted-foreground">Your answers save as you type.</span>;
    case "pending":
      return <span className="text-muted-foreground">Changes not saved yet…</span>;
    case "saving":
      return (
        <span className="inline-flex items-center gap-1.5 text-muted-foreground">
          <LoaderIcon className="size-4 animate-spin" /> Saving…
        </span>
      );
    case "saved":
      return (
        <span className="inline-flex items-center gap-1.5 text-done-foreground" data-testid="save-status">
          <CheckIcon className="size-4" /> Saved{" "}
          {dayLabel(new Date(status.at), timeZone, renderedAt) === "today"
            ? timeLabel(new Date(status.at), timeZone)
            : whenLabel(new Date(status.at), timeZone, renderedAt)}
        </span>
      );
    case "retrying": {
      const seconds = Math.max(0, Math.ceil((status.retryAt - now) / 1000));
      return (
        <span className="inline-flex items-center gap-1.5 font-medium text-overdue-foreground">
          <CloudOffIcon className="size-4 shrink-0" />
          Not saved. {seconds > 0 ? `Trying again in ${seconds} s.` : "Trying again…"}
        </span>
      );
    }
    case "signed_out":
      return (
        <span className="inline-flex items-center gap-1.5 font-medium text-overdue-foreground">
          <CloudOffIcon className="size-4 shrink-0" /> Not saved: signed out
        </span>
      );
    case "conflict":
      return (
        <span className="inline-flex items-center gap-1.5 font-medium text-due-foreground">
          <CircleAlertIcon className="size-4 shrink-0" /> Changed elsewhere
        </span>
      );
    case "rejected":
      return (
        <span className="inline-flex items-center gap-1.5 font-medium text-overdue-foreground">
          <CircleAlertIcon className="size-4 shrink-0" /> Not saved
        </span>
      );
  }
}

/** What a screen reader hears: failures and recoveries, not every "Saving…". */
function announcementFor(status: SaveStatus): string {
  switch (status.kind) {
    case "retrying":
      return status.attempt === 1 ? "Your changes could not be saved. Trying again." : "";
    case "signed_out":
      return "Your session has ended. Your answers are kept on this device; sign in again to save them.";
    case "conflict":
      return "This debrief was changed elsewhere. Choose which version to keep.";
    case "rejected":
      return `Not saved. ${status.message}`;
    default:
      return "";
  }
}

/**
 * The bar that stays at the bottom of the screen: what happened to the last change (with a
 * retry, a way back after signing out, a choice after a conflict) and the submit button.
 */
export function SubmitBar({
  interviewId,
  status,
  timeZone,
  renderedAt,
  submitting,
  ready,
  submitted,
  problemCount,
  onRetry,
  onKeepMine,
  onTakeSaved,
}: {
  interviewId: string;
  status: SaveStatus;
  timeZone: string;
  renderedAt: Date;
  submitting: boolean;
  /**
   * Whether the form's script runs. Before that a click would submit the form natively: a GET of this
   * page with every answer in the address, which reloads it with the answers gone and no message.
   */
  ready: boolean;
  submitted: boolean;
  problemCount: number;
  onRetry: () => void;
  onKeepMine: () => void;
  onTakeSaved: () => void;
}) {
  const [announcement, setAnnouncement] = useState("");
  const lastKind = useRef(status.kind);
  useEffect(() => {
    const message = announcementFor(status);
    const recovered = status.kind === "saved" && ["retrying", "signed_out", "conflict", "rejected"].includes(lastKind.current);
    lastKind.current = status.kind;
    // Announce only changes worth interrupting for.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (message) setAnnouncement(message);
    else if (recovered) setAnnouncement("All changes saved.");
  }, [status]);

  const signIn = `/sign-in?${new URLSearchParams({ next: `/my/interviews/${interviewId}/debrief` })}`;
  return (
    <div className="sticky bottom-[calc(4rem+1px+env(safe-area-inset-bottom))] z-30 -mx-4 mt-2 border-t border-border bg-background/95 px-4 pt-3 pb-3 shadow-[0_-4px_12px_-8px_rgb(0_0_0/0.25)] backdrop-blur md:bottom-0 md:mx-0 md:rounded-t-lg md:border-x">
      <span aria-live="polite" className="sr-only">
        {announcement}
      </span>
      {status.kind === "signed_out" ? (
        <Alert variant="warning" className="mb-3">
          <AlertDescription className="flex flex-col gap-2">
            <span>Your session has ended. Your answers are kept on this device and are saved as soon as you sign in again.</span>
            {/* A full page load: the session is new, and nothing else is in flight. */}
            <a href={signIn} className={`${BUTTON_CLASSES.primary} self-start`}>
              Sign in again
            </a>
          </AlertDescription>
        </Alert>
      ) : null}
      {status.kind === "conflict" ? (
        <Alert variant="warning" className="mb-3">
          <AlertDescription className="flex flex-col gap-2">
            <span>
              This debrief was changed in another window or on another device
              {status.current?.lastSavedAt ? ` (saved ${timeLabel(new Date(status.current.lastSavedAt), timeZone)})` : ""}. Which
              version do you want to keep?
            </span>
            <span className="flex flex-wrap gap-2">
              <button type="button" className={BUTTON_CLASSES.primary} onClick={onKeepMine}>
                Keep what is on this page
              </button>
              {status.current ? (
                <button type="button" className={BUTTON_CLASSES.outline} onClick={onTakeSaved}>
                  Use the saved version
                </button>
              ) : null}
            </span>
          </AlertDescription>
        </Alert>
      ) : null}
      {status.kind === "rejected" ? (
        <p className="mb-2 text-sm text-overdue-foreground">{status.message}</p>
      ) : null}
      <div className="flex items-center gap-3">
        <div className="min-w-0 flex-1 text-sm leading-5">
          {problemCount > 0 ? (
            <span className="block font-medium text-overdue-foreground">
              {problemCount === 1 ? "1 answer needs attention" : `${problemCount} answers need attention`}
            </span>
          ) : null}
          <SaveIndicator status={status} timeZone={timeZone} renderedAt={renderedAt} />
          {status.kind === "retrying" || status.kind === "rejected" ? (
            <button type="button" className={BUTTON_CLASSES.link} onClick={onRetry}>
              Retry now
            </button>
          ) : null}
        </div>
        <button
          type="submit"
          className={BUTTON_CLASSES.submit}
          disabled={submitting || !ready}
          aria-busy={submitting || !ready || undefined}
        >
          {submitting ? <LoaderIcon className="animate-spin" /> : null}
          {submitting ? "Sending…" : submitted ? "Submit amendment" : "Submit debrief"}
        </button>
      </div>
    </div>
  );
}
