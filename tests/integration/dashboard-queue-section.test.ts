import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { QueueSection } from "@/app/(staff)/dashboard/queue";
import type { QueueItem } from "@/db/queries/dashboard";

const NOW = new Date("2026-03-10T15:00:00Z");

function item(i: number): QueueItem {
  return {
    key: `debrief_missing:${i}`,
    kind: "debrief_missing",
    state: "overdue",
    dueAt: new Date(NOW.getTime() - (i + 1) * 3_600_000),
    title: `No debrief from Person ${i}`,
    detail: "Onsite",
    href: `/interviews/${i}`,
    candidateId: null,
    candidateName: `Person ${i}`,
    clientName: null,
    jobTitle: null,
    interviewId: null,
    taskId: null,
    taskVersion: null,
    rule: null,
    ownerUserId: null,
    ownerName: null,
  };
}

const render = (props: Partial<Parameters<typeof QueueSection>[0]>) =>
  renderToStaticMarkup(
    createElement(QueueSection, { id: "overdue", title: "Overdue", tone: "overdue", items: [], now: NOW, zone: "UTC", showOwner: true, ...props }),
  );

/** A firm-wide queue can hold hundreds of items: a section renders the ones the page listed and says how many it left out. */
describe("a needs-attention section", () => {
  const items = Array.from({ length: 120 }, (_, i) => item(i));

  it("renders the items listed, folds all but the first few, and says how many more there are and where", () => {
    const html = render({ items: items.slice(0, 50), total: 120, visible: 5, moreHint: "choose a kind above" });
    expect(html.match(/<li/g)).toHaveLength(50);
    expect(html).toContain("· 120</span>");
    expect(html).toContain("Show 45 more overdue");
    expect(html).toContain("70 more not listed here: choose a kind above.");
    expect(html).toContain("No debrief from Person 49");
    expect(html).not.toContain("No debrief from Person 50<");
  });

  it("renders every item when all are listed (one kind at a time)", () => {
    const html = render({ items });
    expect(html.match(/<li/g)).toHaveLength(120);
    expect(html).not.toContain("not listed here");
  });
});
