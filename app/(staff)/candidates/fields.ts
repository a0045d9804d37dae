import type { CandidateRecord } from "@/db/queries/candidates";

/** The candidate form's fields and their labels (the order of a conflict's summary). */
export const CANDIDATE_LABELS = {
  name: "Name",
  email: "Email",
  phone: "Phone",
  location: "Location",
  headline: "Headline",
  notes: "Notes",
  ownerUserId: "Owner",
};

/** A saved candidate as the form's values. */
export function candidateValues(c: Omit<CandidateRecord, "id" | "version">) {
  return {
    name: c.name,
    email: c.email,
    phone: c.phone,
    location: c.location,
    headline: c.headline,
    notes: c.notes,
    ownerUserId: c.ownerUserId ?? "",
  };
}
