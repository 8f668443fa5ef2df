import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { printSchemaFile } from "./print-schema.js";

/** `npm run schema:emit`: writes packages/schema/schema.graphql from the code. CI fails when the two differ. */
const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../packages/schema/schema.graphql");
await fs.writeFile(target, await printSchemaFile());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
