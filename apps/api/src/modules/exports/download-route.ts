import fs from "node:fs";
import type { Request, Response } from "express";
import { authenticate } from "../../graphql/authenticate.js";
import type { AppServices } from "../../graphql/context.js";

/**
 * GET /exports/candidates.csv: the CSV export, for anyone with recruiting:read, signed in by cookie (the SPA's
 * link) or API key. Errors are JSON with the same codes as GraphQL's, never internals.
 */
export function candidatesCsvRoute(services: AppServices) {
  return async (req: Request, res: Response) => {
    const auth = await authenticate(services, req.headers.authorization, req.headers.cookie).catch(() => undefined);
    if (!auth) {
      // Express's default error page would show a stack trace outside production.
      res.status(500).json({ error: { code: "INTERNAL_SERVER_ERROR", message: "Internal server error" } });
      return;
    }
    if (!auth.viewer) {
      res.status(401).json({ error: { code: "UNAUTHENTICATED", message: "Sign in, or send an API key as `Authorization: Bearer <key>`" } });
      return;
    }
    if (!auth.viewer.scopes.has("recruiting:read")) {
      res.status(403).json({ error: { code: "FORBIDDEN", message: "This needs the recruiting:read scope" } });
      return;
    }
    const file = services.exports.csvFile;
    if (!fs.existsSync(file)) {
      res.status(404).json({ error: { code: "NOT_FOUND", message: "No CSV export yet: the next recruiting.export_candidates run writes it" } });
      return;
    }
    // Candidate data: no shared caches.
    res.setHeader("cache-control", "private, no-store");
    res.type("text/csv; charset=utf-8").attachment("candidates.csv").sendFile(file);
  };
}
