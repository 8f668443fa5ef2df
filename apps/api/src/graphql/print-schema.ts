import { lexicographicSortSchema, printSchema } from "graphql";
import { buildTasklineSchema } from "./schema.js";

const HEADER = "# Emitted from apps/api by `npm run schema:emit`. Do not edit by hand: change the code and re-emit.\n\n";

/** Sorted, so the file changes only when the schema does. */
export async function printSchemaFile(): Promise<string> {
  return HEADER + printSchema(lexicographicSortSchema(await buildTasklineSchema())) + "\n";
}
