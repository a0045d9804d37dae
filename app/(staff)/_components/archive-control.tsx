"use client";

import { Archive, ArchiveRestore } from "lucide-react";
import { useActionState, useState } from "react";
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
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { initialFormState, type FormState } from "@/lib/core/form-state";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

/**
 * Archive (after a confirmation that says what it means) or restore a record.
 * Archiving hides a record from lists and pickers and keeps its history.
 */
export function ArchiveControl({
  id,
  version,
  archived,
  name,
  consequence,
  archiveAction,
  restoreAction,
}: {
  id: string;
  version: number;
  archived: boolean;
  name: string;
  consequence: string;
  archiveAction: Action;
  restoreAction: Action;
}) {
  const [archiveState, archive] = useActionState(archiveAction, initialFormState);
  const [restoreState, restore] = useActionState(restoreAction, initialFormState);
  const [open, setOpen] = useState(false);
  const error = (archived ? restoreState : archiveState).formError;

  return (
    <div className="flex flex-col items-end gap-1">
      {archived ? (
        <form action={restore}>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="version" value={version} />
          <SubmitButton variant="outline" pendingLabel="Restoring…">
            <ArchiveRestore aria-hidden="true" />
            Restore
          </SubmitButton>
        </form>
      ) : (
        <Dialog open={open} onOpenChange={setOpen}>
          <DialogTrigger asChild>
            <Button variant="outline">
              <Archive aria-hidden="true" />
              Archive
            </Button>
          </DialogTrigger>
          <DialogContent>
            <DialogHeader>
              <DialogTitle>Archive {name}?</DialogTitle>
              <DialogDescription>{consequence} You can restore it at any time.</DialogDescription>
            </DialogHeader>
            <form
              action={(fd) => {
                archive(fd);
                setOpen(false);
              }}
            >
              <input type="hidden" name="id" value={id} />
              <input type="hidden" name="version" value={version} />
              <DialogFooter>
                <DialogClose asChild>
                  <Button variant="outline">Cancel</Button>
                </DialogClose>
                <SubmitButton variant="destructive" pendingLabel="Archiving…">
                  Archive
                </SubmitButton>
              </DialogFooter>
            </form>
          </DialogContent>
        </Dialog>
      )}
      {error ? (
        <p role="status" className="max-w-xs text-right text-[0.8125rem] font-medium text-overdue-foreground">
          {error}
        </p>
      ) : null}
    </div>
  );
}
