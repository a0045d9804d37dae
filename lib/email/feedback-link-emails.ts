/**
 * The mails a client's interviewer gets: the feedback request and its one
 * reminder. Plain text first, with an HTML part that says the same; both
 * carry the link on its own, and nothing about the candidate beyond the
 * name, the job and the interview's day.
 */

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

type LinkMailInput = {
  firmName: string;
  contactName: string;
  candidateName: string;
  jobTitle: string;
  /** The interview's day, already in words in the firm's zone (e.g. "Tuesday 3 March"). */
  interviewDay: string;
  link: string;
  /** The last day the link works, in words. */
  expiresOn: string;
};

function html(paragraphs: string[], link: string, button: string, after: string[]): string {
  const p = (t: string) => `<p style="margin:0 0 14px;font:15px/1.5 -apple-system,Segoe UI,Helvetica,Arial,sans-serif;color:#1f2328">${escapeHtml(t)}</p>`;
  return [
    `<!doctype html><html lang="en"><body style="margin:0;padding:24px;background:#f6f7f9">`,
    `<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e3e6ea;border-radius:10px;padding:24px">`,
    ...paragraphs.map(p),
    `<p style="margin:20px 0"><a href="${escapeHtml(link)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;text-decoration:none;font:600 15px -apple-system,Segoe UI,Helvetica,Arial,sans-serif;padding:10px 18px;border-radius:8px">${escapeHtml(button)}</a></p>`,
    `<p style="margin:0 0 14px;font:13px/1.5 -apple-system,Segoe UI,Helvetica,Arial,sans-serif;color:#57606a">Or open this address: <a href="${escapeHtml(link)}" style="color:#1d4ed8;word-break:break-all">${escapeHtml(link)}</a></p>`,
    ...after.map(p),
    `</div></body></html>`,
  ].join("");
}

export function feedbackRequestEmail(input: LinkMailInput) {
  const subject = `Your feedback on ${input.candidateName} (${input.jobTitle})`;
  const intro = [
    `Hello ${input.contactName},`,
    `Thank you for interviewing ${input.candidateName} for the ${input.jobTitle} role on ${input.interviewDay}. Could you tell us how it went? It takes about three minutes: the scorecard, your recommendation, and the decision if there is one.`,
  ];
  const after = [
    `The link is yours alone and works until ${input.expiresOn}, or until you have answered. No account is needed.`,
    `— ${input.firmName}`,
  ];
  return {
    subject,
    text: [...intro.flatMap((t) => [t, ""]), input.link, "", ...after.flatMap((t) => [t, ""])].join("\n").trimEnd(),
    html: html(intro, input.link, "Give your feedback", after),
  };
}

export function feedbackReminderEmail(input: LinkMailInput & { promisedDay: string }) {
  const subject = `Reminder: your feedback on ${input.candidateName} (${input.jobTitle})`;
  const intro = [
    `Hello ${input.contactName},`,
    `${input.candidateName} understood that a decision on the ${input.jobTitle} role would come by ${input.promisedDay}, and is waiting to hear. If you have a moment, your feedback on the interview of ${input.interviewDay} helps us keep them informed.`,
  ];
  const after = [`This is the only reminder we will send. The link works until ${input.expiresOn}.`, `— ${input.firmName}`];
  return {
    subject,
    text: [...intro.flatMap((t) => [t, ""]), input.link, "", ...after.flatMap((t) => [t, ""])].join("\n").trimEnd(),
    html: html(intro, input.link, "Give your feedback", after),
  };
}
