import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { ConnectionType, pageSize } from "../../graphql/connection.js";
import type { Context } from "../../graphql/context.js";
import { Report } from "./report.entity.js";

export const ReportConnection = ConnectionType("Report", Report);

/**
 * recruiting:read (every role, not integration keys limited to tasks): the report is the recruiting pipeline's
 * figures (candidate volumes among them), in aggregate only, and the SPA shows it to recruiters as well as admins.
 */
@Resolver(() => Report)
export class ReportResolver {
  @Authorized("recruiting:read")
  @Query(() => ReportConnection, { description: "Stored reports, newest period first." })
  reports(
    @Ctx() { app }: Context,
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
  ) {
    return app.reports.list(pageSize(first), after);
  }

  @Authorized("recruiting:read")
  @Query(() => Report, { nullable: true })
  report(@Arg("id", () => ID) id: string, @Ctx() { app }: Context) {
    return app.reports.get(id);
  }
}
