import type { DataSource } from "typeorm";
import type { RecruitingService } from "../modules/recruiting/recruiting.service.js";

/** What task types may use besides their context: built once per worker process, shared by all tasks. */
export type TaskServices = {
  db: DataSource;
  recruiting: RecruitingService;
};
