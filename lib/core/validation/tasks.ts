import { z } from "zod";
import { parseLocalDateTime } from "./feedback";

export const TASK_TABS = ["overdue", "due", "done"] as const;
export const TASK_VIEWS = ["mine", "everyone"] as const;

const optionalUuid = z.preprocess((v) => (v === "" || v === undefined || v === null ? null : v), z.union([z.null(), z.uuid()]));

export const taskSchema = z
  .object({
    id: optionalUuid,
    version: z.coerce.number().int().min(1).optional(),
    timeZone: z.string().min(1),
    title: z.string().trim().min(1, { error: "Say what needs doing." }).max(200, { error: "Keep the title under 200 characters." }),
    details: z.string().trim().max(2000, { error: "Keep the details under 2000 characters." }).default(""),
    dueAt: z.string().default(""),
    ownerUserId: z.uuid({ error: "Choose who owns the task." }),
    interviewId: optionalUuid,
    candidateId: optionalUuid,
  })
  .superRefine((v, ctx) => {
    if (v.dueAt && !parseLocalDateTime(v.dueAt, v.timeZone)) {
      ctx.addIssue({ code: "custom", path: ["dueAt"], message: "Enter a date and time, e.g. 2026-03-04 17:00, or leave it empty." });
    }
  })
  .transform((v) => ({ ...v, dueAt: v.dueAt ? parseLocalDateTime(v.dueAt, v.timeZone) : null }));
export type TaskInput = z.output<typeof taskSchema>;

export const taskStateSchema = z.object({
  id: z.uuid(),
  version: z.coerce.number().int().min(1),
  op: z.enum(["complete", "skip", "reopen"]),
});

export const reassignTaskSchema = z.object({
  id: z.uuid(),
  version: z.coerce.number().int().min(1),
  ownerUserId: z.uuid({ error: "Choose who takes the task over." }),
});

/** The tasks page's URL: ?view=mine|everyone&tab=overdue|due|done&page=N. */
export const taskListParamsSchema = z.object({
  view: z.enum(TASK_VIEWS).catch("mine"),
  tab: z.enum(TASK_TABS).catch("overdue"),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
  owner: z.uuid().optional().catch(undefined),
});
