import { Authorized, Ctx, Query, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { CandidateExportType } from "./candidate-export.type.js";

@Resolver()
export class CandidateExportResolver {
  @Authorized("recruiting:read")
  @Query(() => CandidateExportType)
  candidateExport(@Ctx() { app }: Context) {
    return app.exports.status();
  }
}
