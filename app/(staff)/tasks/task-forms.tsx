"use client";

import { Check, Plus, RotateCcw, SkipForward, UserRoundPen } from "lucide-react";
import { useRouter } from "next/navigation";
import { createContext, useActionState, useContext, useEffect, useState, type ReactNode } from "react";
import { ActionForm, valueOf } from "@/app/_components/action-form";
import { Button } from "@/app/_components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/app/_components/ui/dialog";
import { FormField } from "@/app/_components/ui/form-field";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { Textarea } from "@/app/_components/ui/textarea";
import { initialFormState, type FormState } from "@/lib/core/form-state";
import { cn } from "@/lib/core/utils";
import { reassignTaskAction, saveTaskAction, taskStateAction } from "./actions";

export type Assignee = { userId: string; name: string };

type FormAction = (prev: FormState, formData: FormData) => Promise<FormState>;

/** A task dialog's open state and its form's action: once the action succeeds the dialog closes and the page refreshes. */
function useTaskDialog(action: FormAction) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const submit: FormAction = async (prev, formData) => {
    const r = await action(prev, formData);
    if (r.ok) {
      setOpen(false);
      router.refresh();
    }
    return r;
  };
  return { open, setOpen, submit };
}

/** The team members a task can go to; `me` is marked "(me)". */
function AssigneeOptions({ assignees, me }: { assignees: Assignee[]; me?: string }) {
  return assignees.map((a) => (
    <option key={a.userId} value={a.userId}>
      {a.userId === me ? `${a.name} (me)` : a.name}
    </option>
  ));
}

/** Complete / skip (or reopen) one task, at the version shown; a stale version gets a conflict message. */
export function TaskStateButtons({
  id,
  version,
  title,
  state,
  size = "sm",
  compact,
}: {
  id: string;
  version: number;
  title: string;
  state: "open" | "done" | "skipped";
  size?: "sm" | "md";
  compact?: boolean;
}) {
  const [result, action, pending] = useActionState(taskStateAction, initialFormState);
  const router = useRouter();
  useEffect(() => {
    if (result.ok) router.refresh();
  }, [result, router]);
  return (
    <form action={action} className="flex flex-wrap items-center justify-end gap-1.5">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      {result.formError ? (
        <p role="status" className="w-full text-right text-xs text-overdue-foreground">
          {result.formError}
        </p>
      ) : null}
      {state === "open" ? (
        <>
          <Button
            type="submit"
            name="op"
            value="complete"
            size={size}
            variant="outline"
            disabled={pending}
            aria-label={`Mark “${title}” done`}
            className={cn(compact && "h-7 px-2")}
          >
            <Check aria-hidden="true" />
            {compact ? "Done" : "Mark done"}
          </Button>
          {compact ? null : (
            <Button type="submit" name="op" value="skip" size={size} variant="ghost" disabled={pending} aria-label={`Skip “${title}”`}>
              <SkipForward aria-hidden="true" />
              Skip
            </Button>
          )}
        </>
      ) : (
        <Button type="submit" name="op" value="reopen" size={size} variant="ghost" disabled={pending} aria-label={`Reopen “${title}”`}>
          <RotateCcw aria-hidden="true" />
          Reopen
        </Button>
      )}
    </form>
  );
}

const AssigneesContext = createContext<Assignee[]>([]);

/**
 * The people a task can go to, given once for a whole list: every row's
 * "Reassign" reads them from here, so a page of 50 tasks does not carry the
 * firm's staff 50 times.
 */
export function TaskAssignees({ assignees, children }: { assignees: Assignee[]; children: ReactNode }) {
  return <AssigneesContext value={assignees}>{children}</AssigneesContext>;
}

/** "Reassign": one task to another of the firm's staff (from the list's TaskAssignees). */
export function ReassignTaskDialog({
  id,
  version,
  title,
  ownerUserId,
}: {
  id: string;
  version: number;
  title: string;
  ownerUserId: string | null;
}) {
  const assignees = useContext(AssigneesContext);
  const { open, setOpen, submit } = useTaskDialog(reassignTaskAction);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Reassign “${title}”`}>
          <UserRoundPen aria-hidden="true" />
          Reassign
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Reassign task</DialogTitle>
          <DialogDescription>{title}</DialogDescription>
        </DialogHeader>
        <ActionForm action={submit}>
          {(state) => (
            <>
              <input type="hidden" name="id" value={id} />
              <input type="hidden" name="version" value={version} />
              <FormField name="ownerUserId" id={`owner-${id}`} label="New owner" error={state.fieldErrors?.ownerUserId} required>
                <Select key={valueOf(state, "ownerUserId")} defaultValue={valueOf(state, "ownerUserId") ?? ownerUserId ?? ""}>
                  <AssigneeOptions assignees={assignees} />
                </Select>
              </FormField>
              <div className="flex justify-end">
                <SubmitButton pendingLabel="Saving…">Reassign</SubmitButton>
              </div>
            </>
          )}
        </ActionForm>
      </DialogContent>
    </Dialog>
  );
}

/** "New task": title, details, due, owner; optionally about an interview or a candidate. */
export function NewTaskDialog({
  assignees,
  me,
  timeZone,
  interviewId,
  candidateId,
  defaultDue,
  triggerLabel = "New task",
  triggerVariant = "default",
}: {
  assignees: Assignee[];
  me: string;
  timeZone: string;
  interviewId?: string;
  candidateId?: string;
  defaultDue?: string;
  triggerLabel?: string;
  triggerVariant?: "default" | "outline";
}) {
  const { open, setOpen, submit } = useTaskDialog(saveTaskAction);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant={triggerVariant} size={triggerVariant === "outline" ? "sm" : "md"}>
          <Plus aria-hidden="true" />
          {triggerLabel}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>New task</DialogTitle>
          <DialogDescription>Something someone on the team owes, with a due time. Times are in the firm&apos;s zone ({timeZone}).</DialogDescription>
        </DialogHeader>
        <ActionForm action={submit}>
          {(state) => (
            <>
              <input type="hidden" name="timeZone" value={timeZone} />
              {interviewId ? <input type="hidden" name="interviewId" value={interviewId} /> : null}
              {candidateId ? <input type="hidden" name="candidateId" value={candidateId} /> : null}
              <FormField name="title" label="What needs doing" error={state.fieldErrors?.title} required>
                <Input defaultValue={valueOf(state, "title")} maxLength={200} autoComplete="off" />
              </FormField>
              <FormField name="details" label="Details" error={state.fieldErrors?.details}>
                <Textarea rows={3} maxLength={2000} defaultValue={valueOf(state, "details")} />
              </FormField>
              <div className="grid gap-4 sm:grid-cols-2">
                <FormField name="dueAt" label="Due" hint="Leave empty for no deadline." error={state.fieldErrors?.dueAt}>
                  <Input type="datetime-local" defaultValue={valueOf(state, "dueAt") ?? defaultDue ?? ""} />
                </FormField>
                <FormField name="ownerUserId" label="Owner" error={state.fieldErrors?.ownerUserId} required>
                  <Select key={valueOf(state, "ownerUserId")} defaultValue={valueOf(state, "ownerUserId") ?? me}>
                    <AssigneeOptions assignees={assignees} me={me} />
                  </Select>
                </FormField>
              </div>
              <div className="flex justify-end">
                <SubmitButton pendingLabel="Adding…">Add task</SubmitButton>
              </div>
            </>
          )}
        </ActionForm>
      </DialogContent>
    </Dialog>
  );
}
