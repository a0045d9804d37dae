// A candidate's data-subject requests: what the firm holds on them is found
// (records.ts), given back (export.ts) or erased (erasure.ts).
export { searchCandidatesForDataRequest } from "./records";
export * from "./export";
export * from "./erasure";
