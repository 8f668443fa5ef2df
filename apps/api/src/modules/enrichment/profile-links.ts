/** The profile links a resume names; each null when absent. */
export type ProfileLinks = {
  github: string | null;
  githubLogin: string | null;
  linkedin: string | null;
  website: string | null;
};

// github.com paths that are GitHub's own pages, not users.
const GITHUB_RESERVED = new Set(["about", "features", "orgs", "settings", "marketplace", "topics", "collections", "sponsors", "pricing", "enterprise", "login", "join", "explore", "issues", "pulls", "apps", "site"]);
const GITHUB = /\b(?:https?:\/\/)?(?:www\.)?github\.com\/([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})(?![A-Za-z0-9-])/gi;
const LINKEDIN = /\b(?:https?:\/\/)?(?:[a-z]{2,3}\.)?linkedin\.com\/in\/([A-Za-z0-9_%-]{2,100})/gi;
const URL_LIKE = /\bhttps?:\/\/[^\s<>()"',;]+/gi;
// Hosts that are not a person's own site, whatever the resume says.
const NOT_A_WEBSITE = /(^|\.)(github\.com|linkedin\.com|githubusercontent\.com|twitter\.com|x\.com|facebook\.com|google\.com)$/i;

/**
 * Finds the GitHub, LinkedIn and personal-site links in a resume: the first of each. URLs are normalised so the
 * same person yields the same links however the resume spells them (with or without scheme or `www.`).
 */
export function findProfileLinks(text: string): ProfileLinks {
  let githubLogin: string | null = null;
  for (const m of text.matchAll(GITHUB)) {
    if (!GITHUB_RESERVED.has(m[1]!.toLowerCase())) {
      githubLogin = m[1]!;
      break;
    }
  }
  const linkedinSlug = LINKEDIN.exec(text)?.[1] ?? null;
  LINKEDIN.lastIndex = 0;
  let website: string | null = null;
  for (const m of text.matchAll(URL_LIKE)) {
    const url = m[0].replace(/[.:!?]+$/, "");
    try {
      if (!NOT_A_WEBSITE.test(new URL(url).hostname)) {
        website = url;
        break;
      }
    } catch {
      // Not a URL after all: keep looking.
    }
  }
  return {
    github: githubLogin ? `https://github.com/${githubLogin}` : null,
    githubLogin,
    linkedin: linkedinSlug ? `https://www.linkedin.com/in/${linkedinSlug}` : null,
    website,
  };
}
