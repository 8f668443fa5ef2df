import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { printSchemaFile } from "./print-schema.js";

describe("packages/schema/schema.graphql", () => {
  it("is exactly the schema the code emits (run `npm run schema:emit` after changing the API)", async () => {
    const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../packages/schema/schema.graphql");
    expect(await fs.readFile(file, "utf8")).toBe(await printSchemaFile());
  });
});
