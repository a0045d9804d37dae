import type { InterviewKind, InterviewStatus, Stage } from "../schema/enums";
import type { FirmBuilder } from "./builder";
import { fillRound } from "./bulk-rounds";
import { CLOSED_REJECTED, CLOSED_WITHDRAWN, DURATIONS } from "./text";
import type { CandidateMeta, ClientMeta, ContactMeta, JobMeta } from "./types";

// ---------------------------------------------------------------------------
// The pipeline: applications in every stage, their rounds, debriefs and feedback
// ---------------------------------------------------------------------------

export type SeededDebriefState = "none" | "draft" | "submitted" | "amended" | "amended_reviewed" | "reviewed";
export type Outcome = "next_round" | "offer" | "reject" | "open" | "withdrawn";

/**
 * Applications for `candidates` (the i-th gets appsPerCandidate[i] distinct
 * jobs) whose stages are a shuffle of `stages`. Everything below is decided by
 * faker draws alone; the clock only places the result in time.
 */
export function generatePipeline(
  b: FirmBuilder,
  spec: {
    candidates: CandidateMeta[];
    appsPerCandidate: number[];
    stages: Record<Stage, number>;
    jobs: JobMeta[];
    todaySlots: number;
  },
) {
  const stageList = b.f.helpers.shuffle(
    (Object.entries(spec.stages) as [Stage, number][]).flatMap(([stage, n]) => Array<Stage>(n).fill(stage)),
  );
  let next = 0;
  let slotsUsed = 0;
  spec.candidates.forEach((candidate, i) => {
    const jobs = b.f.helpers.arrayElements(spec.jobs, spec.appsPerCandidate[i] ?? 1);
    for (const job of jobs) {
      const stage = stageList[next++];
      if (!stage) throw new Error("seed: fewer stages than applications");
      slotsUsed += buildApplication(b, candidate, job, stage, slotsUsed < spec.todaySlots ? slotsUsed : null);
    }
  });
  if (next !== stageList.length) throw new Error("seed: more stages than applications");
}

function roundKind(b: FirmBuilder, k: number, n: number): InterviewKind {
  if (k === 0) return "phone_screen";
  if (k === n - 1 && n >= 3) return "final";
  return b.pick(["video", "onsite", "panel"] as const);
}

function roundContacts(b: FirmBuilder, kind: InterviewKind, client: ClientMeta): ContactMeta[] {
  const want = kind === "phone_screen" ? 1 : kind === "panel" ? 3 : kind === "onsite" ? b.int(2, 3) : b.int(1, 2);
  return b.f.helpers.arrayElements(client.contacts, Math.min(want, client.contacts.length));
}

function roundStart(b: FirmBuilder, kind: InterviewKind, offset: number): Date {
  const hour = kind === "onsite" ? b.int(9, 13) : b.int(9, 16);
  return b.clock.at(offset, hour, b.pick([0, 30]));
}

/** Builds one application; returns 1 when it used one of today's interview slots. */
function buildApplication(
  b: FirmBuilder,
  candidate: CandidateMeta,
  job: JobMeta,
  stage: Stage,
  todaySlot: number | null,
): number {
  const { clock } = b;
  // Raw day offsets of the rounds, oldest first. Rounds are 4–8 days apart, so
  // moving one onto a workday (at most 3 days) never reorders them.
  const pastRounds = (n: number, latest: number) => {
    const out = [latest];
    for (let k = 1; k < n; k++) out.unshift(out[0]! - b.int(4, 8));
    return out;
  };
  let past: number[] = [];
  let future: number | null = null;
  let cancelledAfter = false;
  switch (stage) {
    case "interviewing": {
      const n = b.weighted<number>([
        [25, 0],
        [45, 1],
        [30, 2],
      ]);
      const upcoming = n === 0 || b.chance(0.55);
      if (n > 0) past = pastRounds(n, -b.int(1, 9));
      if (upcoming) future = b.int(1, 12);
      break;
    }
    case "offer":
      past = pastRounds(b.int(2, 4), -b.int(4, 30));
      break;
    case "placed":
      past = pastRounds(b.int(2, 4), -b.int(20, 120));
      break;
    case "rejected": {
      const n = b.weighted<number>([
        [35, 0],
        [40, 1],
        [25, 2],
      ]);
      if (n > 0) past = pastRounds(n, -b.int(3, 90));
      break;
    }
    case "withdrawn": {
      const n = b.weighted<number>([
        [30, 0],
        [50, 1],
        [20, 2],
      ]);
      if (n > 0) {
        past = pastRounds(n, -b.int(3, 60));
        cancelledAfter = b.chance(0.4);
      }
      break;
    }
    default:
      break;
  }

  // The stage history, laid out around the (workday-shifted) rounds.
  const shifted = past.map((o) => clock.workday(o));
  const at = (offset: number) => clock.at(offset, b.int(9, 17), b.pick([0, 15, 30, 45]));
  const path: [Stage, Date][] = [];
  let closedReason = "";
  if (stage === "rejected") closedReason = b.pick(CLOSED_REJECTED);
  if (stage === "withdrawn") closedReason = b.pick(CLOSED_WITHDRAWN);
  if (past.length === 0 && future === null) {
    const t0 = stage === "sourced" ? -b.int(1, 25) : -b.int(6, 60);
    path.push(["sourced", at(t0)]);
    if (stage !== "sourced") {
      const t1 = Math.min(t0 + b.int(1, 3), -1);
      path.push(["submitted", at(t1)]);
      if (stage === "rejected" || stage === "withdrawn") path.push([stage, at(Math.min(t1 + b.int(2, 8), -1))]);
    }
  } else {
    const anchor = Math.min(shifted[0] ?? 0, 0);
    const sourced = anchor - b.int(8, 16);
    path.push(["sourced", at(sourced)]);
    path.push(["submitted", at(sourced + b.int(1, 3))]);
    path.push(["interviewing", at(anchor - b.int(2, 4))]);
    const last = shifted[shifted.length - 1] ?? 0;
    if (stage === "offer") path.push(["offer", at(Math.min(last + b.int(2, 3), -1))]);
    if (stage === "placed") {
      const offer = last + b.int(2, 5);
      path.push(["offer", at(offer)]);
      path.push(["placed", at(offer + b.int(3, 10))]);
    }
    if (stage === "rejected") path.push(["rejected", at(Math.min(last + b.int(1, 4), -1))]);
    if (stage === "withdrawn") path.push(["withdrawn", at(Math.min(last + b.int(1, 6), -1))]);
  }
  const app = b.addApplication(candidate, job, path, closedReason);

  const n = past.length;
  const totalRounds = n + (future !== null || cancelledAfter ? 1 : 0);
  past.forEach((raw, k) => {
    const kind = roundKind(b, k, totalRounds);
    const lastPast = k === n - 1;
    const mustHappen = lastPast && (stage === "offer" || stage === "placed");
    const status = b.weighted<InterviewStatus>([
      [90, "completed"],
      [6, "cancelled"],
      [4, "no_show"],
    ]);
    const iv = b.addInterview(app, {
      kind,
      startsAt: roundStart(b, kind, shifted[k]!),
      minutes: b.pick(DURATIONS[kind]),
      status: mustHappen ? "completed" : status,
      contacts: roundContacts(b, kind, job.client),
      rawOffset: raw,
      arrangedByFirm: b.chance(0.95),
    });
    if (iv.row.status !== "completed") return;
    const hasLater = !lastPast || future !== null || cancelledAfter;
    const outcome: Outcome = hasLater
      ? "next_round"
      : stage === "offer" || stage === "placed"
        ? "offer"
        : stage === "rejected"
          ? "reject"
          : stage === "withdrawn"
            ? "withdrawn"
            : "open";
    fillRound(b, iv, outcome);
  });

  let used = 0;
  if (future !== null || cancelledAfter) {
    const kind = roundKind(b, n, totalRounds);
    const raw = future ?? Math.min(-1, (shifted[n - 1] ?? -2) + b.int(4, 6));
    let startsAt = roundStart(b, kind, clock.workday(raw));
    if (future !== null && todaySlot !== null) {
      startsAt = clock.todaySlot(todaySlot);
      used = 1;
    }
    b.addInterview(app, {
      kind,
      startsAt,
      minutes: b.pick(DURATIONS[kind]),
      status: future !== null ? "scheduled" : "cancelled",
      contacts: roundContacts(b, kind, job.client),
      rawOffset: raw,
      notes: future === null ? "Cancelled: the candidate withdrew." : "",
    });
  }
  return used;
}
