/** The shapes of an ATS source as the sync engine and connectors see them (decrypted credentials included). */

export type SourceKind = "generic_http" | "greenhouse";
export type AuthKind = "none" | "api_key" | "oauth2_client_credentials";

export type Credentials = { apiKey?: string; clientId?: string; clientSecret?: string };

/** Connector settings, per kind; everything optional has a default (docs/ats-sync.md). */
export type SourceSettings = {
  /** GENERIC_HTTP: path appended to the base URL (default "/candidates"), method (POST), extra headers. */
  path?: string;
  method?: "POST" | "PUT" | "PATCH";
  headers?: Record<string, string>;
  /** GENERIC_HTTP: a JSON value whose "{{key}}" strings are replaced by the field mapping's values; default: the mapped object. */
  bodyTemplate?: unknown;
  /** GENERIC_HTTP: statuses that mean success (default: any 2xx). */
  successStatuses?: number[];
  /** GENERIC_HTTP: where the remote id is in the JSON response, dotted (default "id"). */
  remoteIdPath?: string;
  /** GENERIC_HTTP: the path testSource GETs (default "/"). */
  testPath?: string;
  /** API key placement for GENERIC_HTTP: header name (default "Authorization") and prefix (default "Bearer "). */
  apiKeyHeader?: string;
  apiKeyPrefix?: string;
  /** OAuth2 client credentials: the token endpoint and an optional scope. */
  tokenUrl?: string;
  scope?: string;
  /** GREENHOUSE: the Greenhouse user id sent as On-Behalf-Of (required by Harvest for writes). */
  onBehalfOf?: string;
  /** GREENHOUSE: the Greenhouse job id candidates are applied to, per Taskline job posting id (optional). */
  greenhouseJobIds?: Record<string, number>;
};

/** Target key → candidate field (see CANDIDATE_FIELDS). */
export type FieldMapping = Record<string, string>;

export type AtsSourceRecord = {
  id: string;
  name: string;
  kind: SourceKind;
  baseUrl: string;
  authKind: AuthKind;
  credentialsBox: string | null;
  credentialsLast4: string | null;
  settings: SourceSettings;
  fieldMapping: FieldMapping;
  jobPostingIds: string[] | null;
  enabled: boolean;
  concurrency: number;
  createdAt: Date;
  updatedAt: Date;
};

/** A hired candidate as the connectors map it. */
export type CandidateView = {
  candidateId: string;
  name: string;
  firstName: string;
  lastName: string;
  email: string;
  resumeText: string;
  hiringStatus: string;
  hiredAt: string | null;
  jobPostingId: string;
  jobPostingTitle: string;
};

export const CANDIDATE_FIELDS: ReadonlyArray<keyof CandidateView> = [
  "candidateId", "name", "firstName", "lastName", "email", "resumeText", "hiringStatus", "hiredAt", "jobPostingId", "jobPostingTitle",
];

export function sourceFromRow(r: Record<string, any>): AtsSourceRecord {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    baseUrl: r.base_url,
    authKind: r.auth_kind,
    credentialsBox: r.credentials_box,
    credentialsLast4: r.credentials_last4,
    settings: r.settings ?? {},
    fieldMapping: r.field_mapping ?? {},
    jobPostingIds: r.job_posting_ids,
    enabled: r.enabled,
    concurrency: r.concurrency,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function splitName(name: string): { firstName: string; lastName: string } {
  const parts = name.trim().split(/\s+/);
  if (parts.length < 2) return { firstName: parts[0] ?? "", lastName: "" };
  return { firstName: parts.slice(0, -1).join(" "), lastName: parts.at(-1)! };
}
