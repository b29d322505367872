// Run at install (package.json "postinstall"): copies Vazirmatn's variable font out of the npm
// package under a name without brackets, lib/generated/fonts/Vazirmatn-Variable.woff2, for
// next/font/local in app/layout.tsx. The package names it `Vazirmatn[wght].woff2`; Next.js
// preloads it as `Vazirmatn%5Bwght%5D…` while its CSS asks for `Vazirmatn[wght]…`, so every
// browser downloaded the 110 KB font twice (docs/decisions/125-font-file-name.md).
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const source = path.join(
  path.dirname(require.resolve("vazirmatn/package.json")),
  "fonts/webfonts/Vazirmatn[wght].woff2",
);
const target = path.resolve(import.meta.dirname, "../lib/generated/fonts/Vazirmatn-Variable.woff2");
mkdirSync(path.dirname(target), { recursive: true });
copyFileSync(source, target);
