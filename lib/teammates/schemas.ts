import { z } from "zod";
import { EVERYONE } from "@/lib/auth/roles";

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined);

/** The people directory's search, filters and page, read from the URL; bad values are ignored. */
export const peopleFiltersSchema = z.object({
  q: optional(100),
  role: z.enum(EVERYONE).optional().catch(undefined),
  status: z.enum(["active", "disabled", "all"]).catch("active").default("active"),
  department: optional(64).pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/)
      .optional()
      .catch(undefined),
  ),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type PeopleFilters = z.infer<typeof peopleFiltersSchema>;
