import { describe, expect, it } from "vitest";
import { clientPackFileName, packDate, packInterviewTime, pdfText } from "@/lib/client-pack/format";

describe("client pack text", () => {
  it("keeps what the PDF's standard fonts can draw", () => {
    expect(pdfText("Zoë Ångström — “Senior” · €95k, 30 days' notice")).toBe("Zoë Ångström — “Senior” · €95k, 30 days' notice");
    expect(pdfText("line one\r\nline two\rthree")).toBe("line one\nline two\nthree");
  });

  it("spells other letters without their accents, and anything else as ?", () => {
    expect(pdfText("Łukasz Dąbrowski, Đorđe, Ştefan")).toBe("Lukasz Dabrowski, Dorde, Stefan");
    expect(pdfText("日本 🙂")).toBe("?? ?");
    expect(pdfText("bell\u0007 nul\u0000")).toBe("bell nul");
  });
});

describe("client pack dates", () => {
  it("prints days and times in the firm's time zone", () => {
    const start = new Date("2031-01-14T15:00:00Z");
    expect(packDate(start, "America/New_York")).toBe("14 January 2031");
    expect(packInterviewTime(start, new Date("2031-01-14T16:30:00Z"), "America/New_York")).toBe("Tue 14 Jan 2031, 10:00–11:30 EST");
    expect(packInterviewTime(start, new Date("2031-01-14T16:00:00Z"), "Asia/Tokyo")).toBe("Wed 15 Jan 2031, 00:00–01:00 GMT+9");
  });
});

describe("client pack file name", () => {
  it("names the candidate and the job, without characters a file system refuses", () => {
    expect(clientPackFileName("Cora Candidate", "Platform Engineer")).toBe("Cora-Candidate-Platform-Engineer-client-pack.pdf");
    expect(clientPackFileName('Zoë "Z" O/Brien', "C++ / Rust: lead?")).toBe("Zoë-Z-O-Brien-C++-Rust-lead-client-pack.pdf");
    expect(clientPackFileName("  ", "\u0000")).toBe("candidate-job-client-pack.pdf");
  });
});
