import { DataSource } from "typeorm";
import { Candidate } from "../modules/recruiting/candidate.entity.js";
import { JobPosting } from "../modules/recruiting/job-posting.entity.js";
import { Task } from "../modules/tasks/task.entity.js";
import { TaskPipeline1764072000000 } from "./migrations/1764072000000-TaskPipeline.js";

export const entities = [Task, JobPosting, Candidate];
/** Append-only, in order. Never edit one that has landed. */
export const migrations = [TaskPipeline1764072000000];

export function createDataSource(url: string, poolSize = 10): DataSource {
  return new DataSource({
    type: "postgres",
    url,
    entities,
    migrations,
    migrationsTableName: "taskline_migrations",
    synchronize: false,
    logging: false,
    extra: { max: poolSize },
  });
}
