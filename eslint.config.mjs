// Lint: Next's core-web-vitals and TypeScript rules, Prettier owns formatting, and the
// layering of docs/architecture.md as import rules, so a breach fails `npm run lint`:
//   route (app/)          -> ui, domain, policy, i18n      never the database client or lib/generated
//   ui (components/)      -> ui, domain, policy, i18n      never the database, lib/generated or a mutation
//   domain (lib/<domain>) -> domain, policy, i18n, database, generated   never routes or components
//   policy (lib/auth/)    -> policy, domain, i18n, database, generated
//   i18n (lib/i18n/)      -> i18n and the domains' catalogues (lib/<domain>/messages.ts)   never policy:
//                            a helper takes the locale, it does not ask who is signed in
// The database clients (lib/db.ts, lib/db-read.ts) are domain files of a category of their own.
// Screens take the generated enums from their domain (lib/units/constants.ts re-exports them).
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";
import boundaries from "eslint-plugin-boundaries";

const to = (...types) => ({ to: { element: { types: { anyOf: types } } } });

export const layering = {
  plugins: { boundaries },
  settings: {
    "import/resolver": { typescript: { alwaysTryTypes: true } },
    "boundaries/include": ["app/**/*", "components/**/*", "lib/**/*"],
    // The first pattern that matches a file's folder names its element: the narrow ones first.
    "boundaries/elements": [
      { type: "generated", pattern: "lib/generated/**", partialMatch: false },
      { type: "policy", pattern: "lib/auth/**", partialMatch: false },
      { type: "i18n", pattern: "lib/i18n/**", partialMatch: false },
      { type: "domain", pattern: "lib/**", partialMatch: false },
      { type: "ui", pattern: "components/**", partialMatch: false },
      { type: "route", pattern: "app/**", partialMatch: false },
    ],
    "boundaries/files": [
      // The database clients: the primary and the read replica.
      { category: "database", pattern: ["lib/db.ts", "lib/db-read.ts"] },
      // Each domain's strings, gathered by lib/i18n/domains.ts.
      { category: "catalogue", pattern: "lib/*/messages.ts" },
      // The writes behind the server actions: a component posts to an action, it never calls one.
      { category: "mutation", pattern: "lib/*/mutations.ts" },
    ],
  },
  rules: {
    "boundaries/dependencies": [
      2,
      {
        default: "disallow",
        policies: [
          { from: { element: { type: "route" } }, allow: to("route", "ui", "domain", "policy", "i18n") },
          { from: { element: { type: "route" } }, disallow: { to: { file: { categories: "database" } } } },
          { from: { element: { type: "ui" } }, allow: to("ui", "domain", "policy", "i18n") },
          {
            from: { element: { type: "ui" } },
            disallow: { to: { file: { categories: { anyOf: ["database", "mutation"] } } } },
          },
          { from: { element: { type: "domain" } }, allow: to("domain", "policy", "i18n", "generated") },
          { from: { element: { type: "policy" } }, allow: to("policy", "domain", "i18n", "generated") },
          { from: { element: { type: "i18n" } }, allow: to("i18n") },
          { from: { element: { type: "i18n" } }, allow: { to: { file: { categories: "catalogue" } } } },
          { from: { element: { type: "generated" } }, allow: to("generated") },
        ],
      },
    ],
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  prettier,
  {
    rules: {
      // Message catalogues and configs are default-exported object literals by design.
      "import/no-anonymous-default-export": "off",
      // A leading underscore marks a parameter a signature requires but the body ignores.
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  // Playwright fixtures call their parameter `use`, which is not React's hook.
  { files: ["tests/e2e/**/*.ts"], rules: { "react-hooks/rules-of-hooks": "off" } },
  { files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"], ...layering },
  {
    ignores: [
      ".next/**",
      ".next-release-*/**",
      "node_modules/**",
      "lib/generated/**",
      "test-results/**",
      ".data/**",
      "bench/out/**",
      "next-env.d.ts",
    ],
  },
];

export default config;
