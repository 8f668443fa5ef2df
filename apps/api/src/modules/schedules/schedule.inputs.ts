import { Field, InputType, Int, ObjectType } from "type-graphql";
import { DateTime, JSON as JSONScalar } from "../../graphql/scalars.js";
import { CatchUpPolicy, OverlapPolicy } from "./schedule.entity.js";

@InputType("CreateScheduleInput")
export class CreateScheduleInput {
  @Field(() => String)
  name!: string;

  @Field(() => String, { description: "A registered task type, e.g. recruiting.rank_candidates." })
  taskType!: string;

  @Field(() => JSONScalar, { nullable: true, description: "Checked against the task type's payload schema. Default {}." })
  payload?: unknown;

  @Field(() => String, { nullable: true, description: "Five fields or a macro; give this or intervalSeconds." })
  cron?: string | null;

  @Field(() => Int, { nullable: true, description: "At least 60; give this or cron." })
  intervalSeconds?: number | null;

  @Field(() => String, { defaultValue: "UTC", description: "IANA timezone the cron expression is read in." })
  timezone!: string;

  @Field(() => Boolean, { defaultValue: false })
  paused!: boolean;

  @Field(() => OverlapPolicy, { defaultValue: OverlapPolicy.SKIP })
  overlapPolicy!: OverlapPolicy;

  @Field(() => CatchUpPolicy, { defaultValue: CatchUpPolicy.LATEST })
  catchUpPolicy!: CatchUpPolicy;

  @Field(() => Int, { defaultValue: 10, description: "1-1000; with catch-up ALL, at most this many missed fires run." })
  catchUpCap!: number;
}

/** Only the fields given change. Giving cron clears the interval and the other way round. */
@InputType("UpdateScheduleInput")
export class UpdateScheduleInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  taskType?: string | null;

  @Field(() => JSONScalar, { nullable: true })
  payload?: unknown;

  @Field(() => String, { nullable: true })
  cron?: string | null;

  @Field(() => Int, { nullable: true })
  intervalSeconds?: number | null;

  @Field(() => String, { nullable: true })
  timezone?: string | null;

  @Field(() => OverlapPolicy, { nullable: true })
  overlapPolicy?: OverlapPolicy | null;

  @Field(() => CatchUpPolicy, { nullable: true })
  catchUpPolicy?: CatchUpPolicy | null;

  @Field(() => Int, { nullable: true })
  catchUpCap?: number | null;
}

@ObjectType("SchedulePreview", { description: "What a timing would do: for the form's live preview." })
export class SchedulePreview {
  @Field(() => String)
  description!: string;

  @Field(() => [DateTime])
  nextFires!: Date[];
}
