// The recruiter dashboard: the "needs attention" queue (one module per kind of
// item, put together in queue.ts), the day's interviews and tasks, and the
// background reminders that read the same data.
export * from "./types";
export { compareQueueItems, listQueueItems } from "./queue";
export { getDashboard, getFirmClock, LATER_LISTED, TODAY_LISTED } from "./overview";
export * from "./reminders";
