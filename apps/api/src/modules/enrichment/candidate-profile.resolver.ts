import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { Candidate } from "../recruiting/candidate.entity.js";
import { CandidateProfileType } from "./candidate-profile.type.js";

@Resolver(() => Candidate)
export class CandidateProfileResolver {
  // Candidates are only reachable through recruiting:read queries, so the profile needs no check of its own.
  @FieldResolver(() => CandidateProfileType, { nullable: true, description: "Null until recruiting.enrich_candidates has looked at the candidate." })
  profile(@Root() candidate: Candidate, @Ctx() { app }: Context) {
    return app.enrichment.profileOf(candidate.id);
  }
}
