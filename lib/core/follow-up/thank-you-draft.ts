/**
 * Rule 2's thank-you note as a short draft the candidate edits and sends
 * themselves: the role and the interview's day, one thing that went well, and
 * the qualification they did not get to mention (the product's advice: a fast,
 * short email that adds what was missed). Built on the candidate's device from
 * their own debrief; the app never stores or sends it.
 */

export type ThankYouDraftFacts = {
  /** Whom the note is to, as the debrief names them. */
  personName: string;
  jobTitle: string;
  clientName: string;
  /** The interview's day as the candidate reads it ("Tuesday 1 December"), in the firm's zone. */
  interviewDay: string;
  /** The debrief's "what went well" (free text). */
  wentWell: string;
  /** The debrief's "not mentioned" (one qualification per line). */
  notMentioned: string;
  /** The candidate's name, to sign with; empty leaves the sign-off to the mail app's signature. */
  candidateName?: string;
};

export type ThankYouDraft = { subject: string; body: string };

/** Each piece the draft quotes from the debrief stays this short, so the note stays short. */
export const DRAFT_PIECE_MAX = 160;

const TITLES = /^(dr|mr|mrs|ms|mx|prof|professor|sir|dame)\.?$/i;

/** "Dear Ines," — the first name, or the whole name when it starts with a title ("Dr. Okafor"). */
export function greetingFor(personName: string): string {
  const words = personName.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "Hello,";
  if (TITLES.test(words[0]!) && words.length > 1) return `Dear ${words.join(" ")},`;
  return `Dear ${words[0]},`;
}

/** The first line (and within it the first sentence) of some free text, trimmed to `max` at a word. */
export function firstPiece(text: string, max = DRAFT_PIECE_MAX): string {
  const line =
    text
      .split(/\r?\n/)
      .map((l) => l.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, "").trim())
      .find(Boolean) ?? "";
  const sentence = line.match(/^.+?[.!?](?=\s|$)/)?.[0] ?? line;
  const flat = sentence.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const atWord = cut.lastIndexOf(" ");
  return `${(atWord > max / 2 ? cut.slice(0, atWord) : cut).replace(/[\s,;:.-]+$/, "")}…`;
}

/** Ends a quoted piece with one full stop (unless it already ends a sentence or was cut). */
function asSentence(piece: string): string {
  return /[.!?…]$/.test(piece) ? piece : `${piece}.`;
}

/** A lower-case start, so a quoted sentence reads inside ours ("… especially we went deep …"), keeping "I" and acronyms. */
function inline(piece: string): string {
  const [first, ...rest] = piece.split(" ");
  if (!first || first === "I" || /^[A-Z0-9]{2,}/.test(first) || /^I'/.test(first)) return piece;
  return [first.charAt(0).toLowerCase() + first.slice(1), ...rest].join(" ");
}

export function buildThankYouDraft(facts: ThankYouDraftFacts): ThankYouDraft {
  const role = facts.jobTitle.trim();
  const client = facts.clientName.trim();
  const day = facts.interviewDay.trim();
  const roleAt = role && client ? `the ${role} role at ${client}` : role ? `the ${role} role` : client ? `the role at ${client}` : "the role";
  const wentWell = firstPiece(facts.wentWell);
  const missed = firstPiece(facts.notMentioned);

  const paragraphs = [
    greetingFor(facts.personName),
    `Thank you for your time${day ? ` on ${day}` : ""} and for talking with me about ${roleAt}.`,
  ];
  if (wentWell) paragraphs.push(`I especially enjoyed our conversation when ${asSentence(inline(wentWell))}`);
  if (missed) paragraphs.push(`One thing I did not get to mention: ${asSentence(missed)} I would be glad to tell you more about it.`);
  paragraphs.push(`I am very interested in the role and look forward to hearing from you.`);
  const name = facts.candidateName?.trim();
  paragraphs.push(name ? `Best regards,\n${name}` : "Best regards,");

  return {
    subject: role ? `Thank you: ${role} interview` : "Thank you for your time",
    body: paragraphs.join("\n\n"),
  };
}

/** A mailto: link that opens the candidate's mail app with the draft filled in (RFC 6068). */
export function thankYouMailto(email: string | null, draft: ThankYouDraft): string {
  const to = email ? encodeURIComponent(email.trim()).replace(/%40/g, "@") : "";
  return `mailto:${to}?subject=${encodeURIComponent(draft.subject)}&body=${encodeURIComponent(draft.body.replace(/\r?\n/g, "\r\n"))}`;
}

/** The note as one text to paste (LinkedIn, a card): the body, without the mail's subject. */
export function thankYouText(draft: ThankYouDraft): string {
  return draft.body;
}
