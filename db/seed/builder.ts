import type { Faker } from "@faker-js/faker";
import type * as s from "../schema";
import type { InterviewKind, InterviewStatus, Role, Stage } from "../schema/enums";
import { newId } from "../schema/_shared";
import { DAY, HOUR, MINUTE, type Clock } from "./clock";
import { AREA_CODES, FIRST_NAMES, HEADLINES, LAST_NAMES, LOCATIONS, SCORECARD } from "./text";
import type {
  AppMeta,
  CandidateMeta,
  CandidateRow,
  ClientMeta,
  ContactMeta,
  Insert,
  InterviewMeta,
  InterviewRow,
  JobMeta,
  UserRef,
} from "./types";

/**
 * Accumulates one firm's rows in memory (inserted by insertFirm): its people,
 * clients, jobs, candidates, applications and interviews, and the faker draws
 * every choice comes from. What happens in and after a round is added by
 * ./rounds and ./tasks.
 */
export class FirmBuilder {
  readonly firmId = newId();
  readonly users: Insert<typeof s.users>[] = [];
  readonly memberships: Insert<typeof s.memberships>[] = [];
  readonly clients: ClientMeta[] = [];
  readonly clientRows: Insert<typeof s.clients>[] = [];
  readonly contactRows: Insert<typeof s.contacts>[] = [];
  readonly jobs: JobMeta[] = [];
  readonly jobRows: Insert<typeof s.jobs>[] = [];
  readonly candidates: CandidateMeta[] = [];
  readonly attributeIds: string[] = [];
  readonly attributeRows: Insert<typeof s.scorecardAttributes>[] = [];
  readonly apps: AppMeta[] = [];
  readonly appRows: Insert<typeof s.applications>[] = [];
  readonly stageChangeRows: Insert<typeof s.applicationStageChanges>[] = [];
  readonly interviews: InterviewMeta[] = [];
  readonly participantRows: Insert<typeof s.interviewParticipants>[] = [];
  readonly versionRows: Insert<typeof s.debriefVersions>[] = [];
  readonly ratingRows: Insert<typeof s.feedbackRatings>[] = [];
  readonly callRows: Insert<typeof s.callLogs>[] = [];
  readonly taskRows: Insert<typeof s.tasks>[] = [];
  readonly auditRows: Insert<typeof s.auditEvents>[] = [];
  readonly linkRows: Insert<typeof s.feedbackLinks>[] = [];
  private readonly usedEmails = new Set<string>();

  constructor(
    readonly f: Faker,
    readonly clock: Clock,
    readonly firm: { name: string; slug: string; domain: string },
    private readonly passwordHash: string,
  ) {
    SCORECARD.forEach((a, position) => {
      const id = newId();
      this.attributeIds.push(id);
      this.attributeRows.push({ firmId: this.firmId, id, ...a, position, createdAt: clock.at(-400, 10) });
    });
  }

  int(min: number, max: number): number {
    return this.f.number.int({ min, max });
  }

  chance(probability: number): boolean {
    return this.f.datatype.boolean({ probability });
  }

  pick<T>(items: readonly T[]): T {
    return this.f.helpers.arrayElement(items);
  }

  weighted<T>(items: [number, T][]): T {
    return this.f.helpers.weightedArrayElement(items.map(([weight, value]) => ({ weight, value })));
  }

  phone(): string {
    return `(${this.pick(AREA_CODES)}) 555-01${String(this.int(0, 99)).padStart(2, "0")}`;
  }

  /** A unique email (per firm) from a name. */
  email(first: string, last: string, domain: string): string {
    const base = `${ascii(first)}.${ascii(last)}`;
    let email = `${base}@${domain}`;
    for (let n = 2; this.usedEmails.has(email); n++) email = `${base}${n}@${domain}`;
    this.usedEmails.add(email);
    return email;
  }

  addUser(name: string, email: string, role: Role, candidate?: CandidateMeta): UserRef {
    const id = newId();
    const createdAt = candidate ? this.clock.at(-30, 12) : this.clock.at(-420, 9);
    this.users.push({ id, email, name, passwordHash: this.passwordHash, createdAt, updatedAt: createdAt });
    this.memberships.push({
      firmId: this.firmId,
      id: newId(),
      userId: id,
      role,
      candidateId: candidate?.id ?? null,
      createdAt,
      updatedAt: createdAt,
    });
    if (candidate) candidate.userId = id;
    this.usedEmails.add(email);
    return { id, name, email };
  }

  addClient(name: string, industry: string, domain: string, titles: string[]): ClientMeta {
    const id = newId();
    const createdAt = this.clock.at(-this.int(300, 400), 10);
    this.clientRows.push({
      firmId: this.firmId,
      id,
      name,
      industry,
      website: `https://www.${domain}`,
      createdAt,
      updatedAt: createdAt,
    });
    const client: ClientMeta = { id, name, domain, contacts: [] };
    for (const title of titles) {
      const first = this.pick(FIRST_NAMES);
      const last = this.pick(LAST_NAMES);
      const contact: ContactMeta = {
        id: newId(),
        name: `${first} ${last}`,
        title,
        email: this.email(first, last, domain),
        phone: this.phone(),
      };
      client.contacts.push(contact);
      this.contactRows.push({ firmId: this.firmId, clientId: id, ...contact, createdAt, updatedAt: createdAt });
    }
    this.clients.push(client);
    return client;
  }

  addJob(client: ClientMeta, title: string, location: string, status: Insert<typeof s.jobs>["status"], owner: UserRef) {
    const id = newId();
    const createdAt = this.clock.at(-this.int(180, 300), 11);
    this.jobRows.push({
      firmId: this.firmId,
      id,
      clientId: client.id,
      title,
      location,
      description: `${client.name} is hiring a ${title} (${location}). Full-time, permanent.`,
      status,
      ownerUserId: owner.id,
      createdAt,
      updatedAt: createdAt,
    });
    const job: JobMeta = { id, title, client, owner };
    this.jobs.push(job);
    return job;
  }

  addCandidate(spec: { first?: string; last?: string; email?: string; headline?: string; location?: string }) {
    const first = spec.first ?? this.pick(FIRST_NAMES);
    const last = spec.last ?? this.pick(LAST_NAMES);
    const email = spec.email ?? this.email(first, last, this.pick(["mail.example", "inbox.example", "post.example"]));
    this.usedEmails.add(email);
    const row: CandidateRow = {
      firmId: this.firmId,
      id: newId(),
      name: `${first} ${last}`,
      email,
      phone: this.phone(),
      location: spec.location ?? this.pick(LOCATIONS),
      headline: spec.headline ?? this.pick(HEADLINES),
      notes: this.chance(0.3) ? "Prefers hybrid; open to relocation for the right role." : "",
    };
    const candidate: CandidateMeta = { id: row.id, name: row.name, email, userId: null, row };
    this.candidates.push(candidate);
    return candidate;
  }

  /** An application and its stage history: `path` is every stage it went through, with the time. */
  addApplication(candidate: CandidateMeta, job: JobMeta, path: [Stage, Date][], closedReason = ""): AppMeta {
    const id = newId();
    const recruiter = job.owner;
    const [first] = path;
    const last = path[path.length - 1];
    if (!first || !last) throw new Error("an application needs at least one stage");
    this.appRows.push({
      firmId: this.firmId,
      id,
      candidateId: candidate.id,
      jobId: job.id,
      stage: last[0],
      stageChangedAt: last[1],
      closedReason,
      recruiterUserId: recruiter.id,
      createdBy: recruiter.id,
      createdAt: first[1],
      updatedAt: last[1],
    });
    path.forEach(([stage, at], i) => {
      this.stageChangeRows.push({
        firmId: this.firmId,
        id: newId(),
        applicationId: id,
        fromStage: i === 0 ? null : path[i - 1]![0],
        toStage: stage,
        reason: stage === "rejected" || stage === "withdrawn" ? closedReason : "",
        changedBy: recruiter.id,
        changedAt: at,
      });
    });
    // The candidate record predates their first application and belongs to its recruiter.
    const row = candidate.row;
    const createdAt = new Date(first[1].getTime() - 2 * HOUR);
    if (!row.createdAt || (row.createdAt as Date).getTime() > createdAt.getTime()) {
      row.createdAt = createdAt;
      row.updatedAt = createdAt;
      row.ownerUserId = recruiter.id;
    }
    const app: AppMeta = { id, candidate, job, recruiter, stage: last[0], interviews: [] };
    this.apps.push(app);
    return app;
  }

  addInterview(
    app: AppMeta,
    spec: {
      kind: InterviewKind;
      startsAt: Date;
      minutes: number;
      status: InterviewStatus;
      contacts: ContactMeta[];
      rawOffset: number;
      arrangedByFirm?: boolean;
      notes?: string;
    },
  ): InterviewMeta {
    const id = newId();
    const endsAt = new Date(spec.startsAt.getTime() + spec.minutes * MINUTE);
    const client = app.job.client;
    const remote = spec.kind === "phone_screen" || spec.kind === "video";
    const scheduledAt = this.clock.earlier(
      new Date(spec.startsAt.getTime() - this.int(3, 9) * DAY),
      new Date(this.clock.now.getTime() - HOUR),
    );
    const row: InterviewRow = {
      firmId: this.firmId,
      id,
      applicationId: app.id,
      candidateId: app.candidate.id,
      kind: spec.kind,
      startsAt: spec.startsAt,
      endsAt,
      location:
        spec.kind === "phone_screen"
          ? "Phone — the interviewer calls the candidate"
          : remote
            ? "Video call"
            : `${client.name}, ${this.f.location.streetAddress()}`,
      videoUrl: spec.kind === "video" ? `https://meet.example/${this.f.string.alpha({ length: 10, casing: "lower" })}` : "",
      status: spec.status,
      arrangedByFirm: spec.arrangedByFirm ?? true,
      notes: spec.notes ?? "",
      completedAt: spec.status === "completed" ? this.clock.after(endsAt, 0.25) : null,
      createdBy: app.recruiter.id,
      createdAt: scheduledAt,
      updatedAt: spec.status === "completed" ? this.clock.after(endsAt, 0.25) : scheduledAt,
    };
    for (const contact of spec.contacts) {
      this.participantRows.push({ firmId: this.firmId, interviewId: id, contactId: contact.id, createdAt: scheduledAt });
    }
    const meta: InterviewMeta = {
      row,
      app,
      contacts: spec.contacts,
      rawOffset: spec.rawOffset,
      debrief: null,
      feedback: [],
      calls: [],
      timelineObtainedAt: null,
      invitationAcceptedAt: null,
      taskIds: new Map(),
    };
    app.interviews.push(meta);
    this.interviews.push(meta);
    return meta;
  }
}

function ascii(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[^A-Za-z]/g, "")
    .toLowerCase();
}
