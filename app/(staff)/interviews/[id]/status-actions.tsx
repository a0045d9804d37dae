"use client";

import { CalendarCheck, CalendarX, CircleSlash, RotateCcw } from "lucide-react";
import { useActionState, useState } from "react";
import { FormStateAlerts } from "@/app/_components/action-form";
import { Button } from "@/app/_components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/app/_components/ui/dialog";
import { initialFormState } from "@/lib/core/form-state";
import { updateInterviewStatusAction } from "../actions";
import type { InterviewStatus as InterviewStatusValue } from "@/lib/core/vocabulary";

/** Mark completed / no-show, cancel (after a confirmation), or put back on the schedule. */
export function StatusActions({
  id,
  version,
  status,
  candidateName,
  hasStarted,
}: {
  id: string;
  version: number;
  status: InterviewStatusValue;
  candidateName: string;
  hasStarted: boolean;
}) {
  const [state, action, pending] = useActionState(updateInterviewStatusAction, initialFormState);
  const [confirming, setConfirming] = useState(false);
  const hidden = (
    <>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
    </>
  );
  return (
    <div className="flex flex-col gap-2">
      <FormStateAlerts state={state} />
      <form action={action} className="flex flex-wrap gap-2">
        {hidden}
        {status === "scheduled" ? (
          <>
            <Button type="submit" name="status" value="completed" disabled={pending} variant={hasStarted ? "default" : "outline"}>
              <CalendarCheck aria-hidden="true" />
              Mark completed
            </Button>
            <Button type="submit" name="status" value="no_show" disabled={pending} variant="outline">
              <CircleSlash aria-hidden="true" />
              Mark no-show
            </Button>
          </>
        ) : null}
        {status === "no_show" ? (
          <Button type="submit" name="status" value="completed" disabled={pending} variant="outline">
            <CalendarCheck aria-hidden="true" />
            It took place after all
          </Button>
        ) : null}
        {status === "cancelled" || status === "no_show" ? (
          <Button type="submit" name="status" value="scheduled" disabled={pending} variant="outline">
            <RotateCcw aria-hidden="true" />
            Back on the schedule
          </Button>
        ) : null}
      </form>
      {status === "scheduled" ? (
        <Dialog open={confirming} onOpenChange={setConfirming}>
          <DialogTrigger asChild>
            <Button variant="ghost" className="self-start text-overdue-foreground" disabled={pending}>
              <CalendarX aria-hidden="true" />
              Cancel interview
            </Button>
          </DialogTrigger>
          <DialogContent>
            <DialogHeader>
              <DialogTitle>Cancel this interview?</DialogTitle>
              <DialogDescription>
                {candidateName}&apos;s interview stays in the history as cancelled. Calendar files downloaded again will remove it. You can
                put it back on the schedule later.
              </DialogDescription>
            </DialogHeader>
            <form
              action={(fd) => {
                action(fd);
                setConfirming(false);
              }}
            >
              {hidden}
              <input type="hidden" name="status" value="cancelled" />
              <DialogFooter>
                <DialogClose asChild>
                  <Button variant="outline">Keep it</Button>
                </DialogClose>
                <Button type="submit" variant="destructive">
                  Cancel interview
                </Button>
              </DialogFooter>
            </form>
          </DialogContent>
        </Dialog>
      ) : null}
    </div>
  );
}
