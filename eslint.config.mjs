import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";
import shiftline from "./scripts/eslint-plugin.mjs";

// One way to the database: the Prisma client, its generated code and the SQLite
// driver are imported in lib/db only (the seed's factories receive a client).
const DATABASE_DRIVERS = {
  paths: [
    { name: "better-sqlite3", message: "Use lib/db (db, writeTx, or the SqlExec executors)." },
    { name: "@prisma/client", message: "Use lib/db." },
    { name: "@prisma/adapter-better-sqlite3", message: "Use lib/db." },
  ],
  patterns: [
    {
      group: ["**/db/generated/*", "@/lib/db/generated/*", "!@/lib/db/generated/enums"],
      message: "Use lib/db; only the enums are shared.",
      allowTypeImports: true,
    },
  ],
};

// The direction of lib/ (docs/architecture.md): each area imports only areas listed before it.
// Foundation, then the shared core, the conversation core, the features, and the modules that
// put them together. Tests may reach across (an integration test uses the seed).
export const AREA_ORDER = [
  // foundation
  "config",
  "log",
  "metrics",
  "observe",
  "security-headers",
  "i18n",
  "errors",
  "db",
  "text",
  // shared core
  "realtime",
  "jobs",
  "auth",
  "audit",
  "org",
  "api",
  "email",
  "files",
  // the conversation core
  "conversations",
  // features
  "sms",
  "chat",
  "inbox",
  "replies",
  "schedule",
  "teammates",
  "push",
  "profile",
  "exports",
  "admin",
  "account",
  // composition: the only modules that know several features
  "dispatch",
  "seed",
  "worker",
  "system",
];

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "lib/db/generated/**",
      ".tmp/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  ...nextVitals,
  ...nextTs,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { shiftline },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "shiftline/server-actions-only": "error",
      "shiftline/job-with-its-data": "error",
      "@typescript-eslint/no-restricted-imports": ["error", DATABASE_DRIVERS],
    },
  },
  {
    files: ["lib/**/*.ts", "lib/**/*.tsx"],
    ignores: ["lib/**/*.test.ts", "lib/**/*.test.tsx"],
    rules: { "shiftline/area-direction": ["error", { order: AREA_ORDER }] },
  },
  {
    files: ["lib/db/**", "prisma.config.ts"],
    rules: { "@typescript-eslint/no-restricted-imports": "off" },
  },
  {
    // Components and pages reach data through lib/<area>, never the client itself.
    files: ["app/**", "components/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          ...DATABASE_DRIVERS,
          paths: [
            ...DATABASE_DRIVERS.paths,
            { name: "@/lib/db", message: "Components and pages never import the database client: call lib/<area>." },
            { name: "@/lib/db/sql", message: "Components and pages never import the database: call lib/<area>." },
          ],
        },
      ],
    },
  },
);
