import { FIRST, Ids, LAST, ROUND_SLOTS, T, h, lit, pick } from "./sql";

/**
 * One benchmark firm's numbers (R recruiters, C clients, J jobs, A
 * applications for N candidates), its name and ids, and the SQL fragments
 * the load statements share.
 */
export function firmShape(job: { candidates: number; ipc: number; accounts: number; now: Date }) {
  const ids = new Ids(job.now);
  const N = job.candidates;
  const R = Math.max(2, Math.ceil(N / 2500));
  const C = Math.max(5, Math.floor(N / 500));
  const CONTACTS_PER_CLIENT = 4;
  const J = Math.max(5, Math.floor(N / 50));
  const A = Math.max(1, Math.round(N * 1.2));
  const accounts = Math.min(N, job.accounts);
  // 25% of applications (sourced, submitted) have no interviews; the rest share the interviews.
  const meanRounds = (job.ipc * N) / (A * 0.75);
  const roundSpread = Math.max(1, 2 * meanRounds - 1);
  if (Math.ceil(roundSpread) + 1 >= ROUND_SLOTS) throw new RangeError("Too many interviews per application.");
  const slug = `bench-${N}-${ids.salt}`;
  const domain = `${slug}.test`;
  const name = `Benchmark ${N.toLocaleString("en-US")} (${ids.salt})`;
  const firmId = ids.js(0xfff, 0);
  const NOW = `${lit(job.now.toISOString())}::timestamptz`;
  const F = `${lit(firmId)}::uuid`;
  const uid = (seq: string) => ids.sql(T.user, seq);
  const recruiterOf = (jobExpr: string) => uid(`1 + (${jobExpr}) % ${R}`);

  // --- SQL fragments shared by the statements below. Column names: a (application
  // number), cand, job, stage, cnt (rounds), r (round), seq (interview number).
  const candName = (i: string) => `${pick(FIRST, i)} || ' ' || ${pick(LAST, `(${i}) / ${FIRST.length} + (${i})`)}`;
  const candidateEmail = (i: string) => `'candidate' || lpad((${i})::text, 6, '0') || ${lit(`@${domain}`)}`;
  const candidateUser = (i: string) => `CASE WHEN (${i}) < ${accounts} THEN ${uid(`${R + 1} + (${i})`)} END`;
  const contactFirst = (k: string) => pick(FIRST, `(${k}) * 7 + 3`);
  const contactLast = (k: string) => pick(LAST, `(${k}) * 11 + 5`);
  const contactOf = (seq: string, job: string, shift = "0") =>
    `(${job}) % ${C} * ${CONTACTS_PER_CLIENT} + (${h(seq, 9)} + ${shift}) % ${CONTACTS_PER_CLIENT}`;

  const appsBase = (lo: number, hi: number) => `
    select s2.*,
      s2.created + interval '1 day' as t_sub,
      s2.created + interval '36 hours' as t_int,
      s2.last_start + (case when s2.stage in ('offer', 'placed') then 3 else 2 end) * interval '1 day' as t_close,
      s2.last_start + interval '10 days' as t_placed,
      case s2.stage
        when 'sourced' then s2.created
        when 'submitted' then s2.created + interval '1 day'
        when 'interviewing' then s2.created + interval '36 hours'
        when 'placed' then s2.last_start + interval '10 days'
        when 'offer' then s2.last_start + interval '3 days'
        else s2.last_start + interval '2 days'
      end as changed_at
    from (
      select s1.*, s1.created + (2 + (greatest(s1.cnt, 1) - 1) * 4) * interval '1 day' as last_start
      from (
        select s0.*, ${NOW} - s0.d * interval '1 day' - (${h("s0.a", 5)} % 480) * interval '1 minute' as created
        from (
          select p1.*,
            case
              when p1.cnt = 0 then 1 + ${h("p1.a", 4)} % 60
              when p1.stage = 'interviewing' then greatest(2 + (p1.cnt - 1) * 4 - (${h("p1.a", 4)} % 21 - 10), 1)
              -- Older the lower the number (plus jitter), so one batch covers a narrow stretch of
              -- time and inserts into the time-keyed indexes stay local.
              else 2 + (p1.cnt - 1) * 4 + 3 + floor((1 - p1.a::float8 / ${A}) * 700)::int + ${h("p1.a", 4)} % 14
            end as d
          from (
            select p0.a, p0.a % ${N} as cand, (${h(`p0.a % ${N}`, 1)} + p0.a / ${N}) % ${J} as job,
              (case
                when p0.p < 10 then 'sourced' when p0.p < 25 then 'submitted' when p0.p < 60 then 'interviewing'
                when p0.p < 68 then 'offer' when p0.p < 76 then 'placed' when p0.p < 94 then 'rejected'
                else 'withdrawn'
              end)::application_stage as stage,
              case when p0.p < 25 then 0
                else 1 + floor((${h("p0.a", 3)} % 10000) / 10000.0 * ${roundSpread.toFixed(6)})::int
              end as cnt
            from (select a, ${h("a", 2)} % 100 as p from generate_series(${lo}::int8, ${hi - 1}::int8) a offset 0) p0
            offset 0
          ) p1
          offset 0
        ) s0
        offset 0
      ) s1
      offset 0
    ) s2
    offset 0`;

  const ivBase = (lo: number, hi: number) => `
    select i1.*, i1.starts_at + i1.minutes * interval '1 minute' as ends_at,
      (case
        when i1.starts_at + i1.minutes * interval '1 minute' > ${NOW} then 'scheduled'
        when ${h("i1.seq", 7)} % 100 < 92 then 'completed'
        when ${h("i1.seq", 7)} % 100 < 97 then 'cancelled'
        else 'no_show'
      end)::interview_status as status
    from (
      select ab.*, r, ab.a * ${ROUND_SLOTS} + r as seq,
        ab.created + (2 + (r - 1) * 4) * interval '1 day'
          + (${h(`ab.a * ${ROUND_SLOTS} + r`, 6)} % 9 - 4) * interval '1 hour' as starts_at,
        (ARRAY[30, 45, 60, 90])[1 + (${h(`ab.a * ${ROUND_SLOTS} + r`, 8)} % 4)::int] as minutes,
        (case when r = 1 then 'phone_screen' when r = ab.cnt and ab.cnt >= 3 then 'final'
          else ${pick(["video", "onsite", "panel"], h(`ab.a * ${ROUND_SLOTS} + r`, 16))}
        end)::interview_kind as kind
      from (${appsBase(lo, hi)}) ab cross join lateral generate_series(1, ab.cnt) r
      offset 0
    ) i1
    offset 0`;

  const firstAt = `least(x.ends_at + (2 + ${h("x.seq", 12)} % 40) * interval '1 hour', ${NOW} - interval '2 minutes')`;
  const receivedAt = `least(x.ends_at + (18 + ${h("x.seq", 26)} % 60) * interval '1 hour', ${NOW} - interval '1 minute')`;
  // Of completed rounds: 76% get a debrief (≈70% of past rounds), 8% of those stay drafts,
  // 10% are amended, 75% of submitted ones are reviewed; 54% get client feedback (≈50%).
  const hasDebrief = `${h("x.seq", 11)} % 100 < 76`;
  const debriefDraw = `${h("x.seq", 13)} % 100`;
  const hasFeedback = `${h("x.seq", 15)} % 100 < 54`;

  const debBase = (lo: number, hi: number) => `
    select y.*,
      case when y.versions = 2 then least(y.first_at + interval '1 day', ${NOW} - interval '1 minute') else y.first_at end as submitted_at
    from (
      select x.*, (x.dp < 8) as draft,
        case when x.dp < 8 then 0 when x.dp >= 90 then 2 else 1 end as versions,
        ${firstAt} as first_at,
        (x.dp >= 8 and ${h("x.seq", 14)} % 100 < 75) as reviewed,
        (ARRAY['yes', 'yes', 'no', 'unsure'])[1 + (${h("x.seq", 16)} % 4)::int]::timeline_given as tg,
        ${h("x.seq", 17)} % 2 = 0 as has_date
      from (select iv.*, ${debriefDraw.replace(/x\.seq/g, "iv.seq")} as dp from (${ivBase(lo, hi)}) iv
            where iv.status = 'completed' and ${hasDebrief.replace(/x\.seq/g, "iv.seq")} offset 0) x
      offset 0
    ) y
    offset 0`;

  const fbBase = (lo: number, hi: number) => `
    select x.*,
      (case when x.r < x.cnt then 'next_round' when x.stage in ('offer', 'placed') then 'offer'
        when x.stage = 'rejected' then 'reject' when ${h("x.seq", 25)} % 5 = 0 then 'hold' end)::client_decision as decision,
      ${receivedAt} as received_at
    from (${ivBase(lo, hi)}) x
    where x.status = 'completed' and ${hasFeedback}
    offset 0`;

  return {
    ids,
    N,
    R,
    C,
    CONTACTS_PER_CLIENT,
    J,
    A,
    accounts,
    slug,
    domain,
    name,
    firmId,
    NOW,
    F,
    uid,
    recruiterOf,
    candName,
    candidateEmail,
    candidateUser,
    contactFirst,
    contactLast,
    contactOf,
    appsBase,
    ivBase,
    firstAt,
    receivedAt,
    hasDebrief,
    debriefDraw,
    hasFeedback,
    debBase,
    fbBase,
  };
}
