import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import type { CandidateProfileType } from "./candidate-profile.type.js";
import type { GithubProfile } from "./github-client.js";
import type { ProfileLinks } from "./profile-links.js";

export type PendingCandidate = { id: string; name: string; resumeText: string };

/** `candidate_profile` reads and writes. Each write is one upsert, so a step that runs twice leaves one row. */
export class EnrichmentService {
  constructor(private readonly ds: DataSource) {}

  /** Candidates never enriched, or left pending by a rate limit or a transient error; oldest first. */
  async pending(limit: number): Promise<PendingCandidate[]> {
    return this.ds.query(
      `SELECT c.id, c.name, c.resume_text AS "resumeText"
         FROM candidate c LEFT JOIN candidate_profile p ON p.candidate_id = c.id
        WHERE p.enriched_at IS NULL
        ORDER BY c.created_at, c.id
        LIMIT $1`,
      [limit],
    );
  }

  async countPending(): Promise<number> {
    const [row] = await this.ds.query(
      `SELECT count(*)::int AS n FROM candidate c LEFT JOIN candidate_profile p ON p.candidate_id = c.id WHERE p.enriched_at IS NULL`,
    );
    return row.n;
  }

  /** Done with this candidate (a profile, no GitHub link, or a final failure such as an unknown user). */
  markEnriched(candidateId: string, links: ProfileLinks, github: GithubProfile | null, error: string | null = null): Promise<void> {
    return this.upsert(candidateId, links, github, true, error);
  }

  /** Not done: the next run tries again. `github` stays as it was. */
  markPending(candidateId: string, links: ProfileLinks, error: string): Promise<void> {
    return this.upsert(candidateId, links, undefined, false, error);
  }

  private async upsert(candidateId: string, links: ProfileLinks, github: GithubProfile | null | undefined, done: boolean, error: string | null): Promise<void> {
    await this.ds.query(
      `INSERT INTO candidate_profile (candidate_id, links, github, enriched_at, last_error)
       VALUES ($1, $2, $3, CASE WHEN $4 THEN now() END, $5)
       ON CONFLICT (candidate_id) DO UPDATE SET
         links = excluded.links,
         github = CASE WHEN $6 THEN candidate_profile.github ELSE excluded.github END,
         enriched_at = excluded.enriched_at,
         last_error = excluded.last_error,
         updated_at = now()`,
      [candidateId, JSON.stringify(links), github ? JSON.stringify(github) : null, done, error, github === undefined],
    );
  }

  /** One query for all the candidates of a page (lookups made in one tick are batched; nothing is cached). */
  profileOf(candidateId: string): Promise<CandidateProfileType | null> {
    return this.profiles.load(candidateId);
  }

  private readonly profiles = new DataLoader<string, CandidateProfileType | null>(
    async (ids) => {
      const rows: Array<Record<string, any>> = await this.ds.query(
        `SELECT candidate_id, links, github, enriched_at, last_error FROM candidate_profile WHERE candidate_id = ANY($1::uuid[])`,
        [[...ids]],
      );
      const byId = new Map(rows.map((row) => [row.candidate_id as string, profileFromRow(row)]));
      return ids.map((id) => byId.get(id) ?? null);
    },
    { cache: false },
  );
}

function profileFromRow(row: Record<string, any>): CandidateProfileType {
  const links = row.links as Partial<ProfileLinks>;
  return {
    links: { github: links.github ?? null, linkedin: links.linkedin ?? null, website: links.website ?? null },
    github: row.github ?? null,
    enrichedAt: row.enriched_at,
    lastError: row.last_error,
  };
}
