import { Field, ID, ObjectType } from "type-graphql";
import { DateTime, JSON as JSONScalar } from "../../graphql/scalars.js";

/** A stored report: one per kind and period; running its job again for the period updates it. */
@ObjectType("Report", { description: "A periodic report, e.g. the weekly pipeline figures (docs/schedules.md)." })
export class Report {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "What it reports: `weekly` for the weekly analytics report." })
  kind!: string;

  @Field(() => DateTime, { description: "Start of the period, inclusive." })
  periodStart!: Date;

  @Field(() => DateTime, { description: "End of the period, exclusive." })
  periodEnd!: Date;

  @Field(() => JSONScalar, { description: "The figures; for `weekly` the WeeklyFigures shape of modules/reports/weekly-figures.ts." })
  data!: unknown;

  @Field(() => DateTime, { nullable: true, description: "When it went to the admins' outbox; null: not (yet) emailed." })
  emailedAt!: Date | null;

  taskId!: string | null;

  @Field(() => DateTime)
  createdAt!: Date;

  @Field(() => DateTime, { description: "Last recomputed." })
  updatedAt!: Date;
}

export function reportFromRow(r: Record<string, any>): Report {
  return Object.assign(new Report(), {
    id: r.id,
    kind: r.kind,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    data: r.data,
    emailedAt: r.emailed_at,
    taskId: r.task_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });
}
