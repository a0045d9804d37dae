import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".next-*/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "db/migrations/**", "tests/bench/.work/**"],
  },
  {
    plugins: { drizzle },
    rules: {
      // An update or delete without a WHERE touches every firm's rows.
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx", "scope.db"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx", "scope.db"] }],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read settings through lib/env.ts." },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["app/**", "lib/**", "proxy.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/db/client", "**/db/client", "../db/client", "./db/client"],
              message: "Only db/ and tests/ open the database; use the query layer.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/platform/env.ts", "tests/**", "playwright.config.ts", "vitest.config.mts", "drizzle.config.ts", "lib/platform/cli/**"],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
