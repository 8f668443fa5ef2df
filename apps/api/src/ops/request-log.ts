import { randomUUID } from "node:crypto";
import type { ApolloServerPlugin } from "@apollo/server";
import type { NextFunction, Request, Response } from "express";
import { GraphQLError } from "graphql";
import type { Context } from "../graphql/context.js";
import { INTERNAL_SERVER_ERROR } from "../graphql/errors.js";
import type { Logger } from "../lib/logger.js";

export const REQUEST_ID_HEADER = "x-request-id";
/** An incoming id is kept only if it looks like one: it goes into every log line of the request. */
const REQUEST_ID = /^[\w.:-]{1,128}$/;

declare module "express-serve-static-core" {
  interface Request {
    /** The request's logger: the process's, with `requestId` on every line. */
    log: Logger;
    requestId: string;
  }
}

/** Gives each HTTP request an id (the caller's X-Request-Id when valid, else a new one), echoed in the response. */
export function requestLogger(log: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const incoming = req.headers[REQUEST_ID_HEADER];
    const id = typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    req.requestId = id;
    req.log = log.child({ requestId: id });
    res.setHeader(REQUEST_ID_HEADER, id);
    next();
  };
}

/**
 * Logs each GraphQL operation through the request's logger: its end at debug, and at error the internal failures
 * that clients only see as INTERNAL_SERVER_ERROR (with the cause, which is why the client does not get it).
 */
export function operationLogPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      const log = contextValue.log;
      if (!log) return;
      return {
        async didEncounterErrors({ errors, operationName }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            const cause = error.originalError;
            const internal = !code || code === INTERNAL_SERVER_ERROR || (cause instanceof Error && !(cause instanceof GraphQLError));
            if (internal) log.error({ err: cause ?? error, operationName, path: error.path }, "GraphQL operation failed");
            else log.debug({ code, operationName, path: error.path }, error.message);
          }
        },
        async willSendResponse({ operationName }) {
          log.debug({ operationName, ms: Math.round(performance.now() - started) }, "GraphQL operation done");
        },
      };
    },
  };
}
