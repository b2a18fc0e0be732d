// postinstall: the Prisma clients for SQLite (lib/db/generated) and PostgreSQL
// (lib/db/generated-pg), both from prisma/schema.prisma.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { writePostgresSchema } from "./lib/postgres-schema.mjs";

const prisma = path.join("node_modules", ".bin", "prisma");
execFileSync(prisma, ["generate"], { stdio: "inherit" });
execFileSync(prisma, ["generate", "--schema", writePostgresSchema()], { stdio: "inherit" });
