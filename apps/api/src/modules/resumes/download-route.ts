import type { Request, Response } from "express";
import { authenticate } from "../../graphql/authenticate.js";
import type { AppServices } from "../../graphql/context.js";

/**
 * GET /resumes/files/:id: an original resume, for whoever may see candidates (recruiting:read), signed in by cookie
 * or API key. Sent as an attachment with its detected type and nosniff, so a browser never renders it in our origin.
 */
export function resumeFileRoute(services: AppServices) {
  return async (req: Request, res: Response) => {
    const fail = (status: number, code: string, message: string) => void res.status(status).json({ error: { code, message } });
    const auth = await authenticate(services, req.headers.authorization, req.headers.cookie).catch(() => undefined);
    if (!auth) return fail(500, "INTERNAL_SERVER_ERROR", "Internal server error");
    if (!auth.viewer) return fail(401, "UNAUTHENTICATED", "Sign in, or send an API key as `Authorization: Bearer <key>`");
    if (!auth.viewer.scopes.has("recruiting:read")) return fail(403, "FORBIDDEN", "This needs the recruiting:read scope");
    const file = await services.resumeAnalysis.file(String(req.params.id));
    if (!file) return fail(404, "NOT_FOUND", `Resume file ${req.params.id} was not found`);
    res.setHeader("cache-control", "private, no-store");
    res.setHeader("x-content-type-options", "nosniff");
    res.type(file.mediaType).attachment(file.fileName);
    res.sendFile(services.resumeAnalysis.filePath(file), (err) => {
      if (err && !res.headersSent) fail(404, "NOT_FOUND", "The stored file is missing");
    });
  };
}
