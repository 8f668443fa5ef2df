import type { CodegenConfig } from "@graphql-codegen/cli";

// Typed documents for the SPA (and any TypeScript client). Re-run `npm run codegen -w @taskline/schema` whenever
// schema.graphql is re-emitted or a document in apps/web changes; the output is committed.
const config: CodegenConfig = {
  overwrite: true,
  schema: "./schema.graphql",
  documents: ["../../apps/web/src/**/*.{ts,tsx}"],
  ignoreNoDocuments: false,
  generates: {
    "./src/generated/": {
      preset: "client",
      presetConfig: {
        // Components read plain typed results; Apollo's cache already scopes re-renders.
        fragmentMasking: false,
      },
      config: {
        scalars: { DateTime: "string", JSON: "unknown" },
        // Enums as string-literal unions, so `switch (status)` can be exhaustive without importing a runtime enum.
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        defaultScalarType: "unknown",
        skipTypeNameForRoot: true,
      },
    },
  },
};

export default config;
