import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

/** Import patterns no-restricted-imports refuses, one per boundary. */
const DB_CLIENT = {
  group: ["@/db/client", "**/db/client"],
  message: "Only db/ and tests/ open the database; use the query layer.",
};
const DB_RUNTIME = {
  group: ["@/db/runtime", "**/db/runtime"],
  allowTypeImports: true,
  message:
    "db/runtime is the table owner's connection, which row-level security does not restrict. Only sign-in (lib/auth), personal-data export and erasure (lib/data-rights), the jobs (lib/jobs) and the process launcher (lib/platform) use it; everything else works through a scope.",
};
const SEED = { group: ["@/db/seed*", "**/db/seed*"], message: "The demo seed is for the launcher and the tests." };
const LAUNCHER = { group: ["@/lib/platform/cli/*"], message: "The process launcher is not part of the app." };
const APP = { group: ["@/app/*", "**/app/*"], message: "Imports point down: nothing below app/ imports from it." };
const USE_CASES = {
  group: ["@/lib/*", "!@/lib/core", "!@/lib/platform", "@/lib/platform/*", "!@/lib/platform/env", "!@/lib/platform/logger", "!@/lib/platform/password"],
  message: "The query layer imports only the pure core (lib/core) and the process's settings and logger, never a use case above it.",
};
const CORE_ONLY = {
  group: ["@/lib/*", "!@/lib/core", "**/lib/platform/*", "next", "next/*", "next-auth", "next-auth/*", "pg", "drizzle-orm", "drizzle-orm/*"],
  message: "lib/core is the pure core: it imports only itself and plain libraries, never the database, the framework or a use case.",
};
const DB_BELOW_CORE = {
  group: ["@/db/*", "!@/db/schema", "**/db/queries/*", "**/db/runtime", "**/db/client"],
  message: "lib/core is the pure core: it may name a table's row type (import type from db/schema) and nothing else of db/.",
};
const DB_SCHEMA_TYPES = { group: ["@/db/schema/*"], allowTypeImports: true, message: "lib/core may only import types from db/schema." };

/** One layer's import rule: `files` may not import what `patterns` name. */
function layer(files, patterns, ignores = []) {
  const all = patterns.includes(DB_BELOW_CORE) ? [...patterns, DB_SCHEMA_TYPES] : patterns;
  return { files, ignores, rules: { "no-restricted-imports": ["error", { patterns: all }] } };
}

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
  // The layers, top to bottom: app/ (pages, actions, routes) → use cases
  // (lib/<domain>/) → db/queries/ → the pure core (lib/core/). An import may
  // only point down. ARCHITECTURE.md explains each layer.
  layer(["app/**", "proxy.ts"], [DB_CLIENT, DB_RUNTIME, SEED, LAUNCHER]),
  layer(["lib/**"], [DB_CLIENT, DB_RUNTIME, SEED, APP], ["lib/core/**", "lib/auth/**", "lib/data-rights/**", "lib/jobs/**", "lib/platform/**"]),
  // Sign-in, the job runner and the process launcher work outside any one
  // person's scope; a person's data export and erasure reach their account
  // rows, which belong to no firm. They may open the table owner's connection.
  layer(["lib/auth/**", "lib/data-rights/**", "lib/jobs/**", "lib/platform/**"], [DB_CLIENT, SEED, APP]),
  layer(["db/schema/**", "db/queries/**"], [DB_RUNTIME, SEED, APP, USE_CASES]),
  layer(["lib/core/**"], [CORE_ONLY, DB_BELOW_CORE, APP]),
  {
    files: ["lib/platform/env.ts", "tests/**", "playwright.config.ts", "vitest.config.mts", "drizzle.config.ts", "lib/platform/cli/**"],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
