import { registerEnumType } from "type-graphql";

/** Where a candidate is in the hiring funnel; HIRED candidates are synced to ATS sources (docs/ats-sync.md). */
export enum HiringStatus {
  APPLIED = "applied",
  SCREENING = "screening",
  INTERVIEW = "interview",
  OFFER = "offer",
  HIRED = "hired",
  REJECTED = "rejected",
}

registerEnumType(HiringStatus, { name: "HiringStatus", description: "Where a candidate is in the hiring funnel. HIRED candidates are synced to ATS sources." });
