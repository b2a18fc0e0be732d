import type { SharedKind } from "@/lib/inbox/shared-files";

type Params = Record<string, string | string[] | undefined>;

/** The panel's filter and page from the address; anything else is ignored. */
export function readSharedParams(params: Params): { kind?: SharedKind; before?: string } {
  const kind = params.kind === "image" || params.kind === "document" ? params.kind : undefined;
  const before = typeof params.before === "string" ? params.before.slice(0, 100) : undefined;
  return { kind, before };
}
