import { Field, InputType, ObjectType, Int } from "type-graphql";
import { TaskStatus } from "./task-status.js";

@InputType("TaskFilter")
export class TaskFilter {
  @Field(() => [TaskStatus], { nullable: true, description: "Any of these statuses." })
  status?: TaskStatus[] | null;

  @Field(() => [String], { nullable: true, description: "Any of these task types." })
  type?: string[] | null;
}

@ObjectType("TaskType", { description: "A kind of work Taskline can run." })
export class TaskTypeInfo {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  title!: string;

  @Field(() => Int)
  maxAttempts!: number;

  @Field(() => Int)
  timeLimitSeconds!: number;
}
