import { Field, Int, ObjectType } from "type-graphql";
import { DateTime } from "../../graphql/scalars.js";

@ObjectType("ProfileLinks", { description: "Profile links found in a resume." })
export class ProfileLinksType {
  @Field(() => String, { nullable: true })
  github!: string | null;

  @Field(() => String, { nullable: true, description: "Stored only: LinkedIn has no public API and is not scraped." })
  linkedin!: string | null;

  @Field(() => String, { nullable: true })
  website!: string | null;
}

@ObjectType("GithubProfile", { description: "A candidate's public GitHub profile, as of the last enrichment." })
export class GithubProfileType {
  @Field(() => String)
  login!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true })
  bio!: string | null;

  @Field(() => Int)
  publicRepos!: number;

  @Field(() => Int)
  followers!: number;

  @Field(() => [String], { description: "Most used first, over the user's own public repositories; at most five." })
  topLanguages!: string[];

  @Field(() => String)
  url!: string;
}

@ObjectType("CandidateProfile", { description: "What recruiting.enrich_candidates found about a candidate." })
export class CandidateProfileType {
  @Field(() => ProfileLinksType)
  links!: ProfileLinksType;

  @Field(() => GithubProfileType, { nullable: true, description: "Null without a GitHub link or when the lookup failed." })
  github!: GithubProfileType | null;

  @Field(() => DateTime, { nullable: true, description: "Null: not yet enriched (the next run takes it up)." })
  enrichedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "Why the last lookup failed, if it did." })
  lastError!: string | null;
}
