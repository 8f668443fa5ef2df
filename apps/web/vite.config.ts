import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// The API serves /graphql (HTTP POST and graphql-ws on the same path) and, in production, this SPA's dist/.
// In development vite serves the SPA and forwards /graphql, WebSocket upgrades included.
const apiOrigin = process.env.TASKLINE_API_ORIGIN ?? "http://localhost:4000";

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) },
  },
  server: {
    proxy: {
      "/graphql": { target: apiOrigin, ws: true, changeOrigin: true },
      "/exports": { target: apiOrigin, changeOrigin: true },
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    // React, Apollo Client, graphql and the typed documents (each a pre-parsed AST) are ~710 kB minified (~190 kB
    // gzip) in one chunk; fine for a dashboard. The documents all live in one generated module, so splitting routes
    // would move little.
    chunkSizeWarningLimit: 800,
  },
});
