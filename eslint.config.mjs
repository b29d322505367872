// Lint: Next's core-web-vitals and TypeScript rules, Prettier owns formatting, and the
// layering of CONVENTIONS.md as import rules so a breach fails `npm test`:
//   lib/ (the domain) imports only lib/ — never components/ or app/;
//   components/ import components/ and lib/, but never the database client;
//   app/ (routes) import anything but tests.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";
import boundaries from "eslint-plugin-boundaries";

export const layering = {
  plugins: { boundaries },
  settings: {
    "import/resolver": { typescript: { alwaysTryTypes: true } },
    "boundaries/include": ["app/**/*", "components/**/*", "lib/**/*"],
    "boundaries/elements": [
      { type: "app", pattern: "app/**", partialMatch: false },
      { type: "components", pattern: "components/**", partialMatch: false },
      { type: "lib", pattern: "lib/**", partialMatch: false },
    ],
    // The database client and models; the generated enums are plain constants any layer may use.
    "boundaries/files": [
      {
        category: "database",
        pattern: [
          "lib/db.ts",
          "lib/generated/prisma/client.ts",
          "lib/generated/prisma/internal/**",
          "lib/generated/prisma/models/**",
        ],
      },
    ],
  },
  rules: {
    "boundaries/dependencies": [
      2,
      {
        default: "disallow",
        policies: [
          {
            from: { element: { type: "app" } },
            allow: { to: { element: { types: { anyOf: ["app", "components", "lib"] } } } },
          },
          {
            from: { element: { type: "components" } },
            allow: { to: { element: { types: { anyOf: ["components", "lib"] } } } },
          },
          { from: { element: { type: "lib" } }, allow: { to: { element: { type: "lib" } } } },
          // Components render; they never query.
          {
            from: { element: { type: "components" } },
            disallow: { to: { file: { categories: "database" } } },
          },
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
