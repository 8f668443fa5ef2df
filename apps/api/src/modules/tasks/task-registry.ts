import type { TaskType } from "../../../../../tasks/contract.js";
import { BadUserInputError, UnknownTaskTypeError } from "../../graphql/errors.js";

/** The task types this deployment knows, by name. The API validates payloads with it; workers run from it. */
export class TaskTypeRegistry {
  private readonly byName = new Map<string, TaskType>();

  constructor(types: readonly TaskType<any, unknown>[]) {
    for (const t of types) {
      if (this.byName.has(t.name)) throw new Error(`Task type ${t.name} is registered twice`);
      this.byName.set(t.name, t as TaskType);
    }
  }

  get(name: string): TaskType {
    const type = this.byName.get(name);
    if (!type) throw new UnknownTaskTypeError(name);
    return type;
  }

  list(): TaskType[] {
    return [...this.byName.values()];
  }

  /** The payload as the task type will see it, or BAD_USER_INPUT naming what is wrong. */
  parsePayload(name: string, payload: unknown): unknown {
    const parsed = this.get(name).payload.safeParse(payload);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "payload"}: ${i.message}`);
      throw new BadUserInputError(`Invalid payload for ${name}: ${issues.join("; ")}`, { issues });
    }
    return parsed.data;
  }
}
