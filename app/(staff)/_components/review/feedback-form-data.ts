/** What the feedback forms are given: plain data, so a server page can build it and pass it to them. */

export type FeedbackFormAttribute = { id: string; category: string; name: string; description: string };
export type FeedbackFormContact = { id: string; name: string; title: string };
export type FeedbackInitial = {
  feedbackId: string;
  version: number;
  contactId: string | null;
  receivedAt: string;
  channel: string;
  recommendation: string;
  takeaways: string;
  sharedSummary: string;
  internalNotes: string;
  decision: string | null;
  ratings: Record<string, { rating: string; note: string }>;
};

/** What every feedback form of one interview shares: the interview, its client, the firm's clock and the choices. */
export type FeedbackFormContext = {
  interviewId: string;
  clientName: string;
  timeZone: string;
  /** "Now" as a datetime-local value in the firm's zone. */
  nowValue: string;
  /** False before the interview has taken place: only "no decision yet" is allowed. */
  happened: boolean;
  attributes: FeedbackFormAttribute[];
  contacts: FeedbackFormContact[];
};

/** The scorecard attributes as the form needs them (and nothing more reaches the browser). */
export function formAttributes(list: readonly FeedbackFormAttribute[]): FeedbackFormAttribute[] {
  return list.map(({ id, category, name, description }) => ({ id, category, name, description }));
}
