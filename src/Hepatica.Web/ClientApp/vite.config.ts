// Builds the pages into ../wwwroot, which the host serves itself (no CDN at run time: hospital networks block them).
// One HTML entry per page; each page's code is under src/<page>/, shared code under src/shared/.
import { resolve } from "node:path";
import { defineConfig } from "vite";

export default defineConfig({
  base: "/",
  build: {
    outDir: resolve(import.meta.dirname, "../wwwroot"),
    emptyOutDir: true,
    sourcemap: true,
    // The page is served with a Content-Security-Policy without 'unsafe-inline': no inline scripts or styles.
    assetsInlineLimit: 0,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, "index.html"),
        report: resolve(import.meta.dirname, "report.html"),
        launch: resolve(import.meta.dirname, "launch.html"),
        trends: resolve(import.meta.dirname, "trends.html"),
      },
    },
  },
});
