import type { Database } from "../client";
import { DEFAULT_POLICY } from "../schema/firms";
import type { ScaleFirm } from "./index";
import { firmShape } from "./shape";
import {
  CLIENT_ADJ,
  CLIENT_NOUN,
  CONCERNS,
  CONTACT_TITLES,
  HEADLINES,
  LOCATIONS,
  NOT_MENTIONED,
  RATINGS,
  SCORECARD,
  T,
  TAKEAWAYS,
  TITLES,
  WENT_WELL,
  arr,
  h,
  lit,
  pick,
  type Query,
} from "./sql";

// ---------------------------------------------------------------------------
// One firm
// ---------------------------------------------------------------------------

type FirmJob = {
  candidates: number;
  ipc: number;
  now: Date;
  log: (line: string) => void;
  passwordHash: string;
  accounts: number;
  label: string;
  quiet?: boolean;
  /** Where statements run: one PGlite, or a few dedicated server connections loading in parallel. */
  sessions: Query[];
};

/** Rows of interviews per batch statement: big enough to amortise, small enough for PGlite's memory. */
const TARGET_BATCH_ROWS = 100_000;

/** Loads one firm; a failure removes what was loaded of it. */
export async function seedFirm(database: Database, job: FirmJob): Promise<ScaleFirm> {
  const started = Date.now();
  const shape = firmShape(job);
  const { ids, N, R, C, CONTACTS_PER_CLIENT, J, A, accounts, slug, domain, name, firmId, NOW, F } = shape;
  const { uid, recruiterOf, candName, candidateEmail, candidateUser, contactFirst, contactLast, contactOf } = shape;
  const { appsBase, ivBase, firstAt, receivedAt, hasDebrief, debriefDraw, hasFeedback, debBase, fbBase } = shape;
  const rows: Record<string, number> = {};
  const say = (line: string) => {
    if (!job.quiet) job.log(line);
  };
  say(`Adding ${job.label} "${name}": ${N.toLocaleString("en-US")} candidates, ~${Math.round(job.ipc * N).toLocaleString("en-US")} interviews`);

  // Runs one INSERT per range, one per session at a time, and reports the table's rate.
  const load = async (table: string, ranges: [number, number][], statement: (lo: number, hi: number) => string) => {
    const t0 = Date.now();
    let total = 0;
    let next = 0;
    const worker = async (query: Query) => {
      while (next < ranges.length) {
        const [lo, hi] = ranges[next++]!;
        const result = await query<{ n: string | number }>(
          `with ins as (${statement(lo, hi)} returning 1) select count(*) as n from ins`,
        );
        total += Number(result[0]?.n ?? 0);
      }
    };
    await Promise.all(job.sessions.slice(0, ranges.length).map(worker));
    rows[table] = (rows[table] ?? 0) + total;
    const secs = (Date.now() - t0) / 1000;
    say(
      `  ${table.padEnd(26)} ${total.toLocaleString("en-US").padStart(11)} rows ${secs.toFixed(1).padStart(7)} s ${Math.round(total / Math.max(secs, 0.001)).toLocaleString("en-US").padStart(9)} rows/s`,
    );
  };
  const split = (count: number, size: number): [number, number][] => {
    const out: [number, number][] = [];
    for (let lo = 0; lo < count; lo += size) out.push([lo, Math.min(count, lo + size)]);
    return out;
  };


  const appsPerBatch = Math.max(500, Math.floor(TARGET_BATCH_ROWS / Math.max(1, (job.ipc * N) / A)));
  const appRanges = split(A, appsPerBatch);

  try {
    // --- The firm, its staff, clients, jobs and scorecard.
    await database.query(
      `insert into firms (id, name, slug, time_zone, holidays, policy, mfa_required, is_benchmark, created_at, updated_at)
       values (${F}, ${lit(name)}, ${lit(slug)}, 'America/New_York', '{}'::date[], ${lit(JSON.stringify(DEFAULT_POLICY))}::jsonb,
               false, true, ${NOW} - interval '900 days', ${NOW})`,
    );
    const users = 1 + R + accounts;
    await load("users", [[0, users]], (lo, hi) => {
      const email = `case when u = 0 then ${lit(`admin@${domain}`)} when u <= ${R} then 'recruiter' || u || ${lit(`@${domain}`)}
        else ${candidateEmail(`u - ${R + 1}`)} end`;
      const uname = `case when u = 0 then 'Benchmark Admin' when u <= ${R} then 'Recruiter ' || u else ${candName(`u - ${R + 1}`)} end`;
      return `insert into users (id, email, name, password_hash, created_at, updated_at)
        select ${uid("u")}, ${email}, ${uname}, ${lit(job.passwordHash)}, ${NOW} - interval '800 days', ${NOW}
        from generate_series(${lo}, ${hi - 1}) u`;
    });
    await load("clients", [[0, C]], (lo, hi) => `
      insert into clients (firm_id, id, name, industry, website, created_at, updated_at)
      select ${F}, ${ids.sql(T.client, "c")},
        ${pick(CLIENT_ADJ, "c")} || ' ' || ${pick(CLIENT_NOUN, `c / ${CLIENT_ADJ.length}`)}
          || case when c >= ${CLIENT_ADJ.length * CLIENT_NOUN.length} then ' ' || (c / ${CLIENT_ADJ.length * CLIENT_NOUN.length} + 1) else '' end,
        ${pick(CLIENT_NOUN, `c / ${CLIENT_ADJ.length}`)}, 'https://client' || c || '.example', ${NOW} - interval '850 days', ${NOW} - interval '850 days'
      from generate_series(${lo}, ${hi - 1}) c`);
    await load("contacts", [[0, C * CONTACTS_PER_CLIENT]], (lo, hi) => `
      insert into contacts (firm_id, id, client_id, name, title, email, phone, created_at, updated_at)
      select ${F}, ${ids.sql(T.contact, "k")}, ${ids.sql(T.client, `k / ${CONTACTS_PER_CLIENT}`)},
        ${contactFirst("k")} || ' ' || ${contactLast("k")}, ${pick(CONTACT_TITLES, "k")},
        lower(${contactFirst("k")} || '.' || ${contactLast("k")}) || k || '@client' || (k / ${CONTACTS_PER_CLIENT}) || '.example',
        '(212) 555-01' || lpad((k % 100)::text, 2, '0'), ${NOW} - interval '850 days', ${NOW} - interval '850 days'
      from generate_series(${lo}, ${hi - 1}) k`);
    await load("jobs", [[0, J]], (lo, hi) => `
      insert into jobs (firm_id, id, client_id, title, location, status, owner_user_id, created_at, updated_at)
      select ${F}, ${ids.sql(T.job, "j")}, ${ids.sql(T.client, `j % ${C}`)}, ${pick(TITLES, "j")}, ${pick(LOCATIONS, "j")},
        (case when ${h("j", 30)} % 10 = 0 then 'on_hold' when ${h("j", 30)} % 10 = 1 then 'filled' else 'open' end)::job_status,
        ${recruiterOf("j")}, ${NOW} - interval '840 days', ${NOW} - interval '840 days'
      from generate_series(${lo}, ${hi - 1}) j`);
    await load("scorecard_attributes", [[0, SCORECARD.length]], (lo, hi) => `
      insert into scorecard_attributes (firm_id, id, category, name, position, created_at, updated_at)
      select ${F}, ${ids.sql(T.attribute, "n")}, (${arr(SCORECARD.map(([c]) => c))})[n + 1], (${arr(SCORECARD.map(([, a]) => a))})[n + 1],
        n, ${NOW} - interval '850 days', ${NOW} - interval '850 days'
      from generate_series(${lo}, ${hi - 1}) n`);

    // --- Candidates, then the memberships that point at some of them.
    await load("candidates", split(N, TARGET_BATCH_ROWS), (lo, hi) => `
      insert into candidates (firm_id, id, name, email, phone, location, headline, owner_user_id, created_at, updated_at)
      select ${F}, ${ids.sql(T.candidate, "i")}, ${candName("i")}, ${candidateEmail("i")},
        '(646) 555-01' || lpad((i % 100)::text, 2, '0'), ${pick(LOCATIONS, `${h("i", 20)}`)},
        ${pick(HEADLINES, "i")}, ${uid(`1 + i % ${R}`)},
        ${NOW} - (800 + ${h("i", 21)} % 100) * interval '1 day', ${NOW} - (800 + ${h("i", 21)} % 100) * interval '1 day'
      from generate_series(${lo}::int8, ${hi - 1}::int8) i`);
    await load("memberships", [[0, users]], (lo, hi) => `
      insert into memberships (firm_id, id, user_id, role, candidate_id, created_at, updated_at)
      select ${F}, ${ids.sql(T.membership, "u")}, ${uid("u")},
        (case when u = 0 then 'admin' when u <= ${R} then 'recruiter' else 'candidate' end)::role,
        case when u > ${R} then ${ids.sql(T.candidate, `u - ${R + 1}`)} end, ${NOW} - interval '800 days', ${NOW}
      from generate_series(${lo}, ${hi - 1}) u`);

    // --- The pipeline.
    await load("applications", split(A, TARGET_BATCH_ROWS), (lo, hi) => `
      insert into applications (firm_id, id, candidate_id, job_id, stage, stage_changed_at, closed_reason,
        recruiter_user_id, created_by, created_at, updated_at)
      select ${F}, ${ids.sql(T.application, "a")}, ${ids.sql(T.candidate, "cand")}, ${ids.sql(T.job, "job")}, stage, changed_at,
        case stage when 'rejected' then 'Client chose another candidate' when 'withdrawn' then 'Accepted another offer' else '' end,
        ${recruiterOf("job")}, ${recruiterOf("job")}, created, changed_at
      from (${appsBase(lo, hi)}) ab`);
    await load("application_stage_changes", split(A, Math.floor(TARGET_BATCH_ROWS / 3)), (lo, hi) => `
      insert into application_stage_changes (firm_id, id, application_id, from_stage, to_stage, changed_by, changed_at)
      select ${F}, ${ids.sql(T.stageChange, "ab.a * 8 + v.k")}, ${ids.sql(T.application, "ab.a")}, v.from_stage, v.to_stage,
        ${recruiterOf("ab.job")}, v.at
      from (${appsBase(lo, hi)}) ab cross join lateral (values
        (1, null::application_stage, 'sourced'::application_stage, ab.created),
        (2, 'sourced'::application_stage, 'submitted'::application_stage, ab.t_sub),
        (3, 'submitted'::application_stage, 'interviewing'::application_stage, ab.t_int),
        (4, 'interviewing'::application_stage, (case when ab.stage = 'placed' then 'offer' else ab.stage end)::application_stage, ab.t_close),
        (5, 'offer'::application_stage, 'placed'::application_stage, ab.t_placed)
      ) v(k, from_stage, to_stage, at)
      where v.k <= case ab.stage when 'sourced' then 1 when 'submitted' then 2 when 'interviewing' then 3 when 'placed' then 5 else 4 end`);
    await load("interviews", appRanges, (lo, hi) => `
      insert into interviews (firm_id, id, application_id, candidate_id, kind, starts_at, ends_at, location, video_url, status,
        arranged_by_firm, completed_at, created_by, created_at, updated_at)
      select ${F}, ${ids.sql(T.interview, "seq")}, ${ids.sql(T.application, "a")}, ${ids.sql(T.candidate, "cand")}, kind, starts_at, ends_at,
        case kind when 'phone_screen' then 'Phone' when 'video' then 'Video call' else 'Client office' end,
        case when kind = 'video' then 'https://meet.example/' || seq else '' end, status, true,
        case when status = 'completed' then least(ends_at + interval '15 minutes', ${NOW}) end,
        ${recruiterOf("job")}, least(starts_at - interval '5 days', ${NOW}), least(ends_at, ${NOW})
      from (${ivBase(lo, hi)}) x`);
    await load("interview_participants", appRanges, (lo, hi) => `
      insert into interview_participants (firm_id, interview_id, contact_id, created_at)
      select ${F}, ${ids.sql(T.interview, "seq")}, ${ids.sql(T.contact, contactOf("seq", "job", "k"))}, least(starts_at - interval '5 days', ${NOW})
      from (${ivBase(lo, hi)}) x cross join lateral generate_series(0, (${h("seq", 10)} % 2)::int) k`);
    await load("debriefs", appRanges, (lo, hi) => `
      insert into debriefs (firm_id, id, interview_id, candidate_id, status, overall_impression, interest_level, went_well,
        concerns, questions_asked, not_mentioned, timeline_given, timeline_details, expected_decision_on, call_invitation,
        invited_back, submitted_versions, first_submitted_at, submitted_at, reviewed_at, reviewed_by, last_saved_at,
        created_at, updated_at, version)
      select ${F}, ${ids.sql(T.debrief, "seq")}, ${ids.sql(T.interview, "seq")}, ${ids.sql(T.candidate, "cand")},
        (case when draft then 'draft' else 'submitted' end)::debrief_status,
        1 + (${h("seq", 18)} % 5)::int, 1 + (${h("seq", 19)} % 5)::int, ${pick(WENT_WELL, h("seq", 20))}, ${pick(CONCERNS, h("seq", 21))},
        'Tell us about a project you are proud of.',
        case when ${h("seq", 22)} % 10 < 3 then ${pick(NOT_MENTIONED, h("seq", 23))} else '' end,
        tg, case tg when 'yes' then 'They gave a timeline.' when 'no' then 'No timeline given.' else 'Not sure.' end,
        case when tg = 'yes' and has_date then (ends_at at time zone 'America/New_York')::date + 7 end,
        'none'::call_invitation, false, versions,
        case when not draft then first_at end, case when not draft then submitted_at end,
        case when reviewed then least(submitted_at + interval '20 hours', ${NOW}) end,
        case when reviewed then ${recruiterOf("job")} end,
        submitted_at, first_at - interval '20 minutes',
        case when reviewed then least(submitted_at + interval '20 hours', ${NOW}) else submitted_at end,
        1 + versions + reviewed::int
      from (${debBase(lo, hi)}) d`);
    await load("debrief_versions", appRanges, (lo, hi) => `
      insert into debrief_versions (firm_id, id, debrief_id, number, snapshot, submitted_at, submitted_by)
      select ${F}, ${ids.sql(T.version, "seq * 2 + v")}, ${ids.sql(T.debrief, "seq")}, v,
        jsonb_build_object('overallImpression', 1 + (${h("seq", 18)} % 5)::int, 'wentWell', ${pick(WENT_WELL, h("seq", 20))},
          'timelineGiven', tg, 'notMentioned', case when v < versions then '' else 'See the current version.' end),
        case when v = 1 then first_at else submitted_at end, ${candidateUser("cand")}
      from (${debBase(lo, hi)}) d cross join lateral generate_series(1, d.versions) v`);
    await load("debrief_people", appRanges, (lo, hi) => `
      insert into debrief_people (firm_id, id, debrief_id, position, contact_id, name, title, email, thank_you_sent,
        thank_you_sent_at, thank_you_channel, resolution, created_at, updated_at)
      select ${F}, ${ids.sql(T.person, "seq")}, ${ids.sql(T.debrief, "seq")}, 0, ${ids.sql(T.contact, "k")},
        ${contactFirst("k")} || ' ' || ${contactLast("k")}, ${pick(CONTACT_TITLES, "k")},
        lower(${contactFirst("k")} || '.' || ${contactLast("k")}) || k || '@client' || (k / ${CONTACTS_PER_CLIENT}) || '.example',
        sent, case when sent then least(ends_at + interval '3 hours', ${NOW} - interval '3 minutes') end,
        case when sent then 'email'::thank_you_channel end, 'confirmed', first_at, first_at
      from (select d.*, ${contactOf("d.seq", "d.job")} as k, ${h("d.seq", 24)} % 100 < 80 as sent
            from (${debBase(lo, hi)}) d) p`);
    await load("interviewer_feedback", appRanges, (lo, hi) => `
      insert into interviewer_feedback (firm_id, id, interview_id, contact_id, received_at, channel, recommendation,
        takeaways, decision, decision_applied_at, recorded_by, created_at, updated_at)
      select ${F}, ${ids.sql(T.feedback, "seq")}, ${ids.sql(T.interview, "seq")}, ${ids.sql(T.contact, contactOf("seq", "job"))},
        received_at, (case when ${h("seq", 27)} % 10 < 7 then 'call' else 'email' end)::feedback_channel,
        (case decision when 'next_round' then 'yes' when 'offer' then 'strong_yes' when 'reject' then 'no'
          else 'no_decision' end)::recommendation,
        ${pick(TAKEAWAYS, h("seq", 28))}, decision, case when decision is not null then received_at end,
        ${recruiterOf("job")}, received_at, received_at
      from (${fbBase(lo, hi)}) f`);
    await load("feedback_ratings", appRanges, (lo, hi) => `
      insert into feedback_ratings (firm_id, feedback_id, attribute_id, rating)
      select ${F}, ${ids.sql(T.feedback, "seq")}, ${ids.sql(T.attribute, `(${h("seq", 29)} + j * 3) % 8`)},
        (${arr(RATINGS)})[least(5, (case decision when 'offer' then 4 when 'next_round' then 4 when 'reject' then 1 else 2 end)
          + (${h("seq * 4 + j", 30)} % 2)::int)]::rating
      from (${fbBase(lo, hi)}) f cross join lateral generate_series(0, 2) j`);
    await load("call_logs", appRanges, (lo, hi) => `
      insert into call_logs (firm_id, id, interview_id, candidate_id, contact_id, called_at, notes, logged_by, created_at)
      select ${F}, ${ids.sql(T.call, "seq")}, ${ids.sql(T.interview, "seq")}, ${ids.sql(T.candidate, "cand")},
        ${ids.sql(T.contact, contactOf("seq", "job"))}, called_at, 'Called the interviewer.',
        coalesce(${candidateUser("cand")}, ${recruiterOf("job")}), called_at
      from (select d.*, least((((ends_at at time zone 'America/New_York')::date + 10) + time '10:30') at time zone 'America/New_York',
              ${NOW} - interval '1 minute') as called_at
            from (${debBase(lo, hi)}) d
            where not draft and tg = 'yes' and has_date and ${h("seq", 31)} % 100 < 2) c`);
    // rule 3: the candidate's debrief and the recruiter's feedback collection, per completed round.
    await load("tasks", appRanges, (lo, hi) => `
      insert into tasks (firm_id, id, title, owner_kind, owner_user_id, candidate_id, application_id, interview_id,
        due_at, state, rule, policy_key, completed_at, completed_by, created_at, updated_at)
      select ${F}, ${ids.sql(T.task, "y.seq * 2 + t.n")}, t.title, t.owner_kind::task_owner_kind, t.owner,
        ${ids.sql(T.candidate, "y.cand")}, ${ids.sql(T.application, "y.a")}, ${ids.sql(T.interview, "y.seq")},
        t.due, t.state::task_state, 'rule 3', t.policy_key,
        case t.state when 'done' then t.done_at when 'skipped' then least(t.due + interval '7 days', ${NOW}) end,
        case when t.state <> 'open' then coalesce(t.owner, ${recruiterOf("y.job")}) end,
        y.ends_at, coalesce(t.done_at, y.ends_at)
      from (
        select x.*, (${hasDebrief} and ${debriefDraw} >= 8) as submitted, ${hasFeedback} as has_feedback,
          ${firstAt} as first_at, ${receivedAt} as received_at, x.ends_at > ${NOW} - interval '21 days' as recent
        from (${ivBase(lo, hi)}) x
        where x.status = 'completed'
        offset 0
      ) y cross join lateral (values
        (0, 'recruiter', 'collect_feedback', 'Collect the interviewer''s feedback from the client', ${recruiterOf("y.job")},
          y.ends_at + interval '2 days',
          case when y.has_feedback then 'done' when y.recent then 'open' else 'skipped' end,
          case when y.has_feedback then y.received_at end),
        (1, 'candidate', 'debrief', 'File your debrief', ${candidateUser("y.cand")}, y.ends_at + interval '24 hours',
          case when y.submitted then 'done' when y.recent then 'open' else 'skipped' end,
          case when y.submitted then y.first_at end)
      ) t(n, owner_kind, policy_key, title, owner, due, state, done_at)`);

    const seconds = (Date.now() - started) / 1000;
    const total = Object.values(rows).reduce((sum, n) => sum + n, 0);
    say(
      `Done: ${total.toLocaleString("en-US")} rows in ${seconds.toFixed(1)} s (${Math.round(total / seconds).toLocaleString("en-US")} rows/s).`,
    );
    return {
      firmId,
      name,
      slug,
      candidates: N,
      adminEmail: `admin@${domain}`,
      recruiterEmails: Array.from({ length: R }, (_, r) => `recruiter${r + 1}@${domain}`),
      candidateEmails: Array.from({ length: accounts }, (_, i) => `candidate${String(i).padStart(6, "0")}@${domain}`),
      rows,
      seconds,
    };
  } catch (err) {
    await cleanUp(database, firmId, domain);
    throw err;
  }
}

/** Removes a half-loaded firm (its rows cascade from the firm) and its accounts. */
async function cleanUp(database: Database, firmId: string, domain: string) {
  try {
    await database.query(`delete from firms where id = $1`, [firmId]);
    await database.query(`delete from users where email like $1`, [`%@${domain}`]);
  } catch {
    // The original error matters more than a failed clean-up.
  }
}
