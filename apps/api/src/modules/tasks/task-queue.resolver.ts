import { Ctx, FieldResolver, Int, ObjectType, Field, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { DateTime } from "../../graphql/scalars.js";
import { TaskStatus } from "./task-status.js";
import { Task } from "./task.entity.js";

@ObjectType("QueuePlace", { description: "Where a waiting task stands in the queue, and a rough guess of when it starts." })
export class QueuePlace {
  @Field(() => Int, { description: "Waiting tasks that run before this one (graphile-worker's order: priority, then time)." })
  position!: number;
  @Field(() => DateTime, { nullable: true, description: "Now plus the waves of work ahead at the recent average task duration; null while there is no history." })
  estimatedStartAt!: Date | null;
}

/**
 * The queue seen from one waiting task (seed 002's "queued, position N, starts in about M"). Computed on demand
 * from the task table and the live worker pools: no bookkeeping on the hot path.
 */
@Resolver(() => Task)
export class TaskQueueResolver {
  @FieldResolver(() => QueuePlace, { nullable: true, description: "Set while the task is PENDING or RETRYING and due." })
  async queuePlace(@Root() task: Task, @Ctx() { app }: Context): Promise<QueuePlace | null> {
    if (task.status !== TaskStatus.PENDING && task.status !== TaskStatus.RETRYING) return null;
    const [row] = await app.db.query(
      `WITH me AS (SELECT priority, coalesce(run_at, created_at) AS due, id FROM task WHERE id = $1)
       SELECT
         (SELECT count(*)::int FROM task t, me WHERE t.status IN ('pending', 'retrying') AND t.id <> me.id
            AND (t.priority, coalesce(t.run_at, t.created_at), t.id) < (me.priority, me.due, me.id)) AS position,
         (SELECT count(*)::int FROM task WHERE status = 'running') AS running,
         (SELECT coalesce(sum(concurrency), 0)::int FROM worker_pool WHERE stopped_at IS NULL AND lost_at IS NULL
            AND heartbeat_at > now() - interval '1 minute') AS slots,
         (SELECT extract(epoch FROM avg(finished_at - started_at)) * 1000 FROM
            (SELECT finished_at, started_at FROM task WHERE status = 'completed' AND started_at IS NOT NULL ORDER BY finished_at DESC LIMIT 50) recent) AS avg_ms,
         (SELECT due FROM me) AS due`,
      [task.id],
    );
    if (!row) return null;
    const place = new QueuePlace();
    place.position = row.position;
    const avg = row.avg_ms === null ? null : Number(row.avg_ms);
    if (avg === null || row.slots === 0) {
      place.estimatedStartAt = null;
    } else {
      const waves = Math.floor((row.running + row.position) / row.slots);
      const start = Math.max(Date.now() + waves * avg, new Date(row.due).getTime());
      place.estimatedStartAt = new Date(start);
    }
    return place;
  }
}
