import { describe, expect, it } from "vitest";
import {
  DRAFT_PIECE_MAX,
  buildThankYouDraft,
  firstPiece,
  greetingFor,
  thankYouMailto,
  type ThankYouDraftFacts,
} from "@/lib/core/follow-up/thank-you-draft";

const facts = (over: Partial<ThankYouDraftFacts> = {}): ThankYouDraftFacts => ({
  personName: "Ines Okafor",
  jobTitle: "Platform Engineer",
  clientName: "Acme Logistics",
  interviewDay: "Tuesday 1 December",
  wentWell: "We went deep on the migration I led last year.\nThe team lunch was fun.",
  notMentioned: "Kubernetes administrator certification\nOn-call rota experience",
  ...over,
});

describe("the thank-you note draft (rule 2)", () => {
  it("names the role, the client and the day, one thing that went well and the first thing not mentioned", () => {
    const draft = buildThankYouDraft(facts());
    expect(draft.subject).toBe("Thank you: Platform Engineer interview");
    expect(draft.body).toBe(
      [
        "Dear Ines,",
        "Thank you for your time on Tuesday 1 December and for talking with me about the Platform Engineer role at Acme Logistics.",
        "I especially enjoyed our conversation when we went deep on the migration I led last year.",
        "One thing I did not get to mention: Kubernetes administrator certification. I would be glad to tell you more about it.",
        "I am very interested in the role and look forward to hearing from you.",
        "Best regards,",
      ].join("\n\n"),
    );
    // Only the first qualification, and only the first thing that went well: the note stays short.
    expect(draft.body).not.toContain("On-call");
    expect(draft.body).not.toContain("lunch");
  });

  it("leaves out what the debrief does not say, instead of writing empty sentences", () => {
    const draft = buildThankYouDraft(facts({ wentWell: "  \n ", notMentioned: "" }));
    expect(draft.body).not.toContain("especially enjoyed");
    expect(draft.body).not.toContain("did not get to mention");
    expect(draft.body).toContain("about the Platform Engineer role at Acme Logistics.");
    expect(draft.body.split("\n\n")).toHaveLength(4);
  });

  it("greets by first name, keeps a title with the surname, and says hello to nobody in particular", () => {
    expect(greetingFor("Ines Okafor")).toBe("Dear Ines,");
    expect(greetingFor("  ines  ")).toBe("Dear ines,");
    expect(greetingFor("Dr. Amara Okafor")).toBe("Dear Dr. Amara Okafor,");
    expect(greetingFor("Prof Lee")).toBe("Dear Prof Lee,");
    expect(greetingFor("")).toBe("Hello,");
    expect(buildThankYouDraft(facts({ personName: "" })).body.startsWith("Hello,\n\n")).toBe(true);
  });

  it("signs with the candidate's name when it is known", () => {
    expect(buildThankYouDraft(facts({ candidateName: "Maya Chen" })).body.endsWith("Best regards,\nMaya Chen")).toBe(true);
  });

  it("trims long text at a word, with an ellipsis, and takes the first sentence of a paragraph", () => {
    const long = `${"The whiteboard exercise on distributed queues ".repeat(8)}end`;
    const piece = firstPiece(long);
    expect(piece.length).toBeLessThanOrEqual(DRAFT_PIECE_MAX);
    expect(piece.endsWith("…")).toBe(true);
    expect(piece).not.toMatch(/\s…$/);
    expect(long.startsWith(piece.slice(0, -1))).toBe(true);
    expect(firstPiece("They liked my answer. Then we spoke about pay.")).toBe("They liked my answer.");
    expect(firstPiece("- AWS certification\n- Go")).toBe("AWS certification");
    const draft = buildThankYouDraft(facts({ wentWell: long, notMentioned: long }));
    expect(draft.body.length).toBeLessThan(900);
    expect(draft.body).toContain("…");
  });

  it("keeps acronyms and 'I' as written when quoting inside a sentence", () => {
    expect(buildThankYouDraft(facts({ wentWell: "AWS questions went well" })).body).toContain("conversation when AWS questions went well.");
    expect(buildThankYouDraft(facts({ wentWell: "I explained the outage fix" })).body).toContain("when I explained the outage fix.");
  });

  it("works without a job title or client", () => {
    const draft = buildThankYouDraft(facts({ jobTitle: "", clientName: "" }));
    expect(draft.subject).toBe("Thank you for your time");
    expect(draft.body).toContain("talking with me about the role.");
  });

  it("makes a mailto: link carrying the subject and the whole body, line breaks as CRLF", () => {
    const draft = buildThankYouDraft(facts());
    const href = thankYouMailto("ines@acme.example", draft);
    expect(href.startsWith("mailto:ines@acme.example?subject=Thank%20you%3A%20Platform%20Engineer%20interview&body=")).toBe(true);
    const body = decodeURIComponent(href.split("&body=")[1]!);
    expect(body).toBe(draft.body.replace(/\n/g, "\r\n"));
    // Characters that would end the body early or add a header are encoded.
    const tricky = thankYouMailto("a@b.example", { subject: "x", body: "Q&A ? #1 100% done" });
    expect(tricky).toBe("mailto:a@b.example?subject=x&body=Q%26A%20%3F%20%231%20100%25%20done");
    expect(thankYouMailto(null, { subject: "x", body: "y" })).toBe("mailto:?subject=x&body=y");
  });
});
