"use server";

import { revalidatePath } from "next/cache";
import { completeTask, createTask, reassignTask, reopenTask, skipTask, updateTask } from "@/db/queries/tasks";
import { defineFormAction } from "@/lib/actions";
import { AppError } from "@/lib/core/errors";
import { reassignTaskSchema, taskSchema, taskStateSchema } from "@/lib/core/validation/tasks";

function refresh() {
  revalidatePath("/tasks");
  revalidatePath("/dashboard");
}

export const saveTaskAction = defineFormAction(taskSchema, "tasks.write", async (scope, input) => {
  const fields = { title: input.title, details: input.details, dueAt: input.dueAt, ownerUserId: input.ownerUserId };
  const saved = input.id
    ? await updateTask(scope, { ...fields, id: input.id, version: input.version ?? 0 })
    : await createTask(scope, { ...fields, interviewId: input.interviewId, candidateId: input.candidateId });
  if (saved === "not_found") throw new AppError("not_found");
  refresh();
  if (input.interviewId) revalidatePath(`/interviews/${input.interviewId}`);
  return { ok: true, message: input.id ? "Task saved." : `Task added for ${saved.ownerName ?? "the team"}.`, data: { id: saved.id } };
});

const DONE_WORDS = { complete: "marked done", skip: "skipped", reopen: "reopened" } as const;

export const taskStateAction = defineFormAction(taskStateSchema, "tasks.write", async (scope, input) => {
  const ref = { id: input.id, version: input.version };
  const saved =
    input.op === "complete" ? await completeTask(scope, ref) : input.op === "skip" ? await skipTask(scope, ref) : await reopenTask(scope, ref);
  if (saved === "not_found") throw new AppError("not_found");
  refresh();
  if (saved.interviewId) revalidatePath(`/interviews/${saved.interviewId}`);
  return { ok: true, message: `“${saved.title}” ${DONE_WORDS[input.op]}.`, data: { id: saved.id, state: saved.state, version: saved.version } };
});

export const reassignTaskAction = defineFormAction(reassignTaskSchema, "tasks.write", async (scope, input) => {
  const saved = await reassignTask(scope, input);
  if (saved === "not_found") throw new AppError("not_found");
  refresh();
  return { ok: true, message: `“${saved.title}” is now ${saved.ownerName ?? "reassigned"}'s.`, data: { id: saved.id, version: saved.version } };
});
