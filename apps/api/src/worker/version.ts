import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * apps/api's package version, recorded with each worker pool so operators can see a mixed fleet during a rollout.
 * Read from the file (walking up: this runs from src/ under tsx and from dist/apps/api/src/ once built), since a
 * JSON import would tie the build layout to it.
 */
export function packageVersion(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, "apps", "api", "package.json");
    if (fs.existsSync(file)) return (JSON.parse(fs.readFileSync(file, "utf8")) as { version?: string }).version ?? "unknown";
  }
  return "unknown";
}
