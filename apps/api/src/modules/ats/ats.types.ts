import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTime, JSON as JSONScalar } from "../../graphql/scalars.js";
import type { AuthKind, SourceKind } from "./ats-source.model.js";

export enum AtsSourceKind {
  GENERIC_HTTP = "generic_http",
  GREENHOUSE = "greenhouse",
}
registerEnumType(AtsSourceKind, {
  name: "AtsSourceKind",
  valuesConfig: {
    GENERIC_HTTP: { description: "Any JSON-over-HTTP(S) API: endpoint, method, headers, body template and success criteria in settings." },
    GREENHOUSE: { description: "Greenhouse Harvest: POST /v1/candidates with Basic auth (API key) and On-Behalf-Of." },
  },
});

export enum AtsAuthKind {
  NONE = "none",
  API_KEY = "api_key",
  OAUTH2_CLIENT_CREDENTIALS = "oauth2_client_credentials",
}
registerEnumType(AtsAuthKind, { name: "AtsAuthKind" });

export enum AtsPairOutcome {
  SYNCED = "synced",
  UNCHANGED = "unchanged",
  FAILED = "failed",
}
registerEnumType(AtsPairOutcome, { name: "AtsPairOutcome", description: "UNCHANGED: the source already had this content; no call was made." });

@ObjectType("AtsSource", { description: "An external system hired candidates are sent to. Credentials are never returned: only whether they are set and their last four characters." })
export class AtsSourceType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => AtsSourceKind) kind!: SourceKind;
  @Field(() => String) baseUrl!: string;
  @Field(() => AtsAuthKind) authKind!: AuthKind;
  @Field(() => Boolean) credentialsSet!: boolean;
  @Field(() => String, { nullable: true, description: "The last four characters of the API key or client secret." }) credentialsLast4!: string | null;
  @Field(() => JSONScalar, { description: "Connector settings (docs/ats-sync.md)." }) settings!: unknown;
  @Field(() => JSONScalar, { description: "Target field → candidate field." }) fieldMapping!: unknown;
  @Field(() => [ID], { nullable: true, description: "Null: every job posting." }) jobPostingIds!: string[] | null;
  @Field(() => Boolean) enabled!: boolean;
  @Field(() => Int, { description: "Calls this source takes at once within a sync." }) concurrency!: number;
  @Field(() => DateTime) createdAt!: Date;
  @Field(() => DateTime) updatedAt!: Date;
}

@InputType("AtsCredentialsInput", { description: "API_KEY: apiKey. OAUTH2_CLIENT_CREDENTIALS: clientId and clientSecret. Stored encrypted." })
export class AtsCredentialsInput {
  @Field(() => String, { nullable: true }) apiKey?: string;
  @Field(() => String, { nullable: true }) clientId?: string;
  @Field(() => String, { nullable: true }) clientSecret?: string;
}

@InputType("AtsSourceInput", { description: "On create, name, kind and baseUrl are required; on update, what is given changes." })
export class AtsSourceInput {
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => AtsSourceKind, { nullable: true }) kind?: SourceKind;
  @Field(() => String, { nullable: true }) baseUrl?: string;
  @Field(() => AtsAuthKind, { nullable: true }) authKind?: AuthKind;
  @Field(() => AtsCredentialsInput, { nullable: true, description: "Replaces the stored credentials." }) credentials?: AtsCredentialsInput;
  @Field(() => JSONScalar, { nullable: true }) settings?: Record<string, unknown>;
  @Field(() => JSONScalar, { nullable: true }) fieldMapping?: Record<string, string>;
  @Field(() => [ID], { nullable: true, description: "Empty or null: every posting." }) jobPostingIds?: string[] | null;
  @Field(() => Boolean, { nullable: true }) enabled?: boolean;
  @Field(() => Int, { nullable: true }) concurrency?: number;
}

@ObjectType("AtsConnectionTest")
export class AtsConnectionTest {
  @Field(() => Boolean) ok!: boolean;
  @Field(() => String, { nullable: true, description: "DNS, TLS, TIMEOUT, CONNECTION, UNAUTHORIZED, HTTP_4XX, HTTP_5XX or HTTP_ERROR." }) reason!: string | null;
  @Field(() => Int, { nullable: true }) status!: number | null;
  @Field(() => String) message!: string;
  @Field(() => Int) durationMs!: number;
}

@ObjectType("AtsSyncResult", { description: "One candidate-source pair's outcome in a sync run." })
export class AtsSyncResultType {
  @Field(() => ID) pairId!: string;
  @Field(() => ID) candidateId!: string;
  @Field(() => String) candidateName!: string;
  @Field(() => ID) sourceId!: string;
  @Field(() => String) sourceName!: string;
  @Field(() => AtsPairOutcome) outcome!: string;
  @Field(() => Int, { nullable: true, description: "The source's HTTP status." }) remoteStatus!: number | null;
  @Field(() => String, { nullable: true }) remoteId!: string | null;
  @Field(() => String, { nullable: true, description: "The source's own message, or why no call was made." }) message!: string | null;
  @Field(() => Int, { description: "HTTP calls made for this pair in this run (retries included)." }) calls!: number;
  @Field(() => DateTime) at!: Date;
}

@ObjectType("AtsSyncRun", { description: "One sync task's record: who or what started it, and its pairs' outcomes." })
export class AtsSyncRunType {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true }) taskId!: string | null;
  @Field(() => ID, { nullable: true }) jobPostingId!: string | null;
  @Field(() => [ID], { nullable: true }) sourceIds!: string[] | null;
  @Field(() => String, { description: "MANUAL, AUTO (a candidate moved to HIRED) or SCHEDULE." }) trigger!: string;
  @Field(() => String, { nullable: true }) startedByEmail!: string | null;
  @Field(() => String, { description: "RUNNING, COMPLETED or FAILED." }) status!: string;
  @Field(() => Int) attempts!: number;
  @Field(() => Int) pairsTotal!: number;
  @Field(() => Int) synced!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int) failed!: number;
  @Field(() => DateTime) startedAt!: Date;
  @Field(() => DateTime, { nullable: true }) finishedAt!: Date | null;
}

@ObjectType("AtsSyncStat", { description: "One source's outcomes on one UTC day." })
export class AtsSyncStatType {
  @Field(() => String) day!: string;
  @Field(() => ID) sourceId!: string;
  @Field(() => String) sourceName!: string;
  @Field(() => Int) synced!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int) failed!: number;
  @Field(() => Float, { description: "(synced + unchanged) / all, 0 to 1." }) successRate!: number;
}

@ObjectType("AtsPairState", { description: "Where one candidate stands with one source." })
export class AtsPairStateType {
  @Field(() => ID) sourceId!: string;
  @Field(() => String) sourceName!: string;
  @Field(() => String, { nullable: true }) remoteId!: string | null;
  @Field(() => DateTime, { nullable: true }) syncedAt!: Date | null;
  @Field(() => AtsPairOutcome, { nullable: true }) lastOutcome!: string | null;
  @Field(() => Int, { nullable: true }) lastStatus!: number | null;
  @Field(() => String, { nullable: true }) lastMessage!: string | null;
}
