import { randomBytes } from "node:crypto";

/**
 * Ids for rows written with raw SQL (Prisma's @default(cuid()) applies only to its
 * own queries): time-ordered, 25 lowercase characters like a cuid, never reused.
 */
export function newId(): string {
  return `c${Date.now().toString(36).padStart(9, "0")}${randomBytes(10).toString("hex").slice(0, 15)}`;
}
