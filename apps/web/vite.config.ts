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
    // React, Apollo Client and graphql are ~560 kB minified (~165 kB gzip) in one chunk; fine for a dashboard.
    chunkSizeWarningLimit: 700,
  },
});
