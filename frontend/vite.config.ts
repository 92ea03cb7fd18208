import path from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// GOV.UK Frontend keeps Internet Explorer 8-11 hacks, `@media screen\0` and `(min-width: 0\0)`
// (Sass writes the \0 as U+FFFD), that the CSS minifier rejects as invalid media queries. No
// browser we support reads them: drop them.
const dropInternetExplorerHacks = {
  postcssPlugin: "drop-internet-explorer-hacks",
  Once(root: { walkAtRules: (name: string, visit: (rule: { params: string; remove: () => void }) => void) => void }) {
    root.walkAtRules("media", (rule) => {
      if (/\\0|\u0000|\uFFFD/.test(rule.params)) rule.remove();
    });
  },
};

// `npm run dev` serves the app and proxies the APIs and sign-in to a running `carehub run`.
const backend = process.env.CAREHUB_URL ?? "http://127.0.0.1:8000";

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      // $govuk-assets-path in src/styles.scss: Vite copies the images GOV.UK CSS names into dist.
      "@govuk-assets": path.resolve(import.meta.dirname, "node_modules/govuk-frontend/dist/govuk/assets"),
    },
  },
  css: {
    postcss: { plugins: [dropInternetExplorerHacks] },
    preprocessorOptions: {
      scss: { quietDeps: true },
    },
  },
  server: {
    port: 5173,
    proxy: {
      "/api": { target: backend, changeOrigin: false },
      "/auth": { target: backend, changeOrigin: false },
    },
  },
  build: {
    target: "es2022",
    sourcemap: true,
    manifest: true,
    rolldownOptions: {
      output: {
        // Libraries in their own long-cached files: a release of the app does not change them.
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: "router", test: /node_modules[\\/](react-router|cookie|set-cookie-parser)[\\/]/ },
            { name: "query", test: /node_modules[\\/]@tanstack[\\/]/ },
          ],
        },
      },
    },
  },
});
