import "server-only";
import { createPrismaClient, type Db } from "./create-client";
import { databaseFile } from "./path";

// One client per server process; kept on globalThis so dev reloads do not open more.
const globalForDb = globalThis as unknown as { shiftlineDb?: Db };

export const db: Db = globalForDb.shiftlineDb ?? createPrismaClient(databaseFile());
globalForDb.shiftlineDb = db;

export type { Db };
