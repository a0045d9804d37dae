import PDFDocument from "pdfkit";
import type { ClientPackData, ClientPackInterview } from "@/db/queries/client-pack";
import { INTERVIEW_KIND_LABELS, INTERVIEW_STATUS_LABELS } from "@/lib/core/vocabulary";
import { toWebStream } from "@/lib/reports/http";
import { packDate, packInterviewTime, pdfText } from "./format";

export interface RenderOptions {
  /** Print the salary expectation (the recruiter ticked "Include salary expectation"). */
  includeSalary: boolean;
  /** The day the pack says it was prepared on. */
  preparedAt: Date;
}

const INK = "#1f2328";
const MUTED = "#5b636e";
const ACCENT = "#2f5fa7";
const RULE = "#d0d7de";
const SHARED_BG = "#f2f6fc";

const MARGIN = { top: 56, bottom: 72, left: 60, right: 60 };

/**
 * The client pack as a PDF: the firm's header, who it was prepared for and
 * when, the candidate, the recruiter's summary (labelled as shared with the
 * client), the job, the interview schedule with the client's interviewers,
 * the salary expectation only when asked for, and a confidentiality footer
 * on every page. It prints exactly the fields of `data`, which the query
 * keeps to what a client may read.
 */
export function renderClientPack(data: ClientPackData, opts: RenderOptions): ReadableStream<Uint8Array> {
  return toWebStream(buildClientPack(data, opts));
}

/** The pdfkit document, ended: a Node stream of the PDF's bytes. */
export function buildClientPack(data: ClientPackData, opts: RenderOptions): PDFKit.PDFDocument {
  const t = pdfText;
  const firm = t(data.firmName);
  const client = t(data.clientName);
  const doc = new PDFDocument({
    size: "LETTER",
    margins: MARGIN,
    bufferPages: true,
    lang: "en",
    displayTitle: true,
    info: {
      Title: t(`Client pack: ${data.candidateName} for ${data.jobTitle}`),
      Author: firm,
      Subject: t(`Prepared by ${data.firmName} for ${data.clientName}`),
      Creator: firm,
    },
  });
  const left = MARGIN.left;
  const width = doc.page.width - MARGIN.left - MARGIN.right;

  // Header: the firm, who the pack is for and when.
  doc.font("Helvetica-Bold").fontSize(13).fillColor(ACCENT).text(firm, left, MARGIN.top, { width });
  doc
    .moveDown(0.15)
    .font("Helvetica")
    .fontSize(10)
    .fillColor(MUTED)
    .text(`Prepared for ${client} \u00b7 ${packDate(opts.preparedAt, data.timeZone)}`, { width });
  rule(doc, left, width);

  // The candidate.
  doc.moveDown(1).font("Helvetica-Bold").fontSize(24).fillColor(INK).text(t(data.candidateName), left, doc.y, { width });
  const about = [data.candidateHeadline, data.candidateLocation].map((s) => t(s.trim())).filter(Boolean).join(" \u00b7 ");
  if (about) doc.moveDown(0.2).font("Helvetica").fontSize(12).fillColor(MUTED).text(about, { width });

  // The recruiter's summary: the one free text in the pack, marked as written for the client.
  const summary = t(data.clientSummary.trim());
  if (summary) {
    doc.moveDown(1.2);
    sharedBox(doc, left, width, `Summary from ${firm} (shared with the client)`, summary);
  }

  // The job.
  heading(doc, left, width, "The role");
  doc.font("Helvetica-Bold").fontSize(11).fillColor(INK).text(t(data.jobTitle), left, doc.y, { width });
  const where = [client, t(data.jobLocation.trim())].filter(Boolean).join(" \u00b7 ");
  doc.font("Helvetica").fontSize(10.5).fillColor(MUTED).text(where, { width });

  // The interview schedule.
  heading(doc, left, width, "Interview schedule");
  if (data.interviews.length === 0) {
    doc.font("Helvetica").fontSize(10.5).fillColor(MUTED).text("No interviews are scheduled yet.", left, doc.y, { width });
  }
  data.interviews.forEach((round, i) => interviewRound(doc, left, width, data.timeZone, round, i));

  // The salary expectation, only when the recruiter chose to include it.
  const salary = t(data.salaryExpectation.trim());
  if (opts.includeSalary) {
    heading(doc, left, width, "Salary expectation");
    doc
      .font("Helvetica")
      .fontSize(10.5)
      .fillColor(salary ? INK : MUTED)
      .text(salary || "Not stated.", left, doc.y, { width });
  }

  footers(doc, `Confidential \u2014 prepared by ${firm} for ${client}`);
  doc.end();
  return doc;
}

function rule(doc: PDFKit.PDFDocument, left: number, width: number) {
  doc.moveDown(0.6);
  const y = doc.y;
  doc.moveTo(left, y).lineTo(left + width, y).lineWidth(0.75).strokeColor(RULE).stroke();
  doc.y = y + 2;
}

/** A section title with a hairline under it; starts a new page rather than leaving a title alone at the bottom. */
function heading(doc: PDFKit.PDFDocument, left: number, width: number, title: string) {
  doc.moveDown(1.2);
  if (doc.y + 60 > doc.page.height - MARGIN.bottom) doc.addPage();
  doc.font("Helvetica-Bold").fontSize(12).fillColor(INK).text(title, left, doc.y, { width });
  rule(doc, left, width);
  doc.moveDown(0.3);
}

/** The summary in a tinted box with its label, so nobody mistakes where it came from or who reads it. */
function sharedBox(doc: PDFKit.PDFDocument, left: number, width: number, label: string, body: string) {
  const pad = 10;
  const inner = width - 2 * pad;
  doc.font("Helvetica-Bold").fontSize(10.5);
  const labelHeight = doc.heightOfString(label, { width: inner });
  doc.font("Helvetica").fontSize(10.5);
  const bodyHeight = doc.heightOfString(body, { width: inner, lineGap: 2 });
  const boxHeight = labelHeight + 6 + bodyHeight + 2 * pad;
  const room = doc.page.height - MARGIN.bottom - doc.y;
  const usable = doc.page.height - MARGIN.top - MARGIN.bottom;
  if (boxHeight > room && boxHeight <= usable) doc.addPage();
  const top = doc.y;
  // A summary longer than a page runs on without the tint; the label still says what it is.
  const boxed = boxHeight <= doc.page.height - MARGIN.bottom - top;
  if (boxed) {
    doc.save().rect(left, top, width, boxHeight).fill(SHARED_BG).restore();
    doc.save().rect(left, top, 3, boxHeight).fill(ACCENT).restore();
  }
  doc.font("Helvetica-Bold").fontSize(10.5).fillColor(ACCENT).text(label, left + pad, top + pad, { width: inner });
  doc.moveDown(0.4).font("Helvetica").fontSize(10.5).fillColor(INK).text(body, left + pad, doc.y, { width: inner, lineGap: 2 });
  doc.x = left;
  if (boxed) doc.y = Math.max(doc.y, top + boxHeight);
}

function interviewRound(doc: PDFKit.PDFDocument, left: number, width: number, zone: string, round: ClientPackInterview, index: number) {
  if (index > 0) doc.moveDown(0.7);
  if (doc.y + 50 > doc.page.height - MARGIN.bottom) doc.addPage();
  const kind = INTERVIEW_KIND_LABELS[round.kind];
  const status = round.status === "completed" ? ` \u00b7 ${INTERVIEW_STATUS_LABELS.completed}` : "";
  doc
    .font("Helvetica-Bold")
    .fontSize(10.5)
    .fillColor(INK)
    .text(`${index + 1}. ${packInterviewTime(round.startsAt, round.endsAt, zone)}`, left, doc.y, { width });
  doc.font("Helvetica").fontSize(10.5).fillColor(MUTED).text(`${kind} interview${status}`, left + 14, doc.y, { width: width - 14 });
  const place = pdfText(round.location.trim());
  const video = pdfText(round.videoUrl.trim());
  if (place) doc.fillColor(INK).text(`Location: ${place}`, left + 14, doc.y, { width: width - 14 });
  if (video) doc.fillColor(INK).text(`Video call: ${video}`, left + 14, doc.y, { width: width - 14 });
  const people = round.interviewers.map((p) => pdfText(p.title.trim() ? `${p.name} (${p.title.trim()})` : p.name));
  doc
    .fillColor(INK)
    .text(people.length > 0 ? `Interviewers: ${people.join(", ")}` : "Interviewers: to be confirmed", left + 14, doc.y, { width: width - 14 });
  doc.x = left;
}

/** The confidentiality line and page number at the foot of every page. */
function footers(doc: PDFKit.PDFDocument, line: string) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing inside the bottom margin must not start a new page.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 44;
    const w = doc.page.width - MARGIN.left - MARGIN.right;
    doc.moveTo(MARGIN.left, y - 8).lineTo(MARGIN.left + w, y - 8).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.font("Helvetica").fontSize(8.5).fillColor(MUTED).text(line, MARGIN.left, y, { width: w - 70, lineBreak: false });
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, MARGIN.left + w - 70, y, { width: 70, align: "right", lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
