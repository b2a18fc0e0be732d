import type { z } from "zod";

// What a kind of background job is: its name, the payload it takes (checked when it is
// queued and again when it is claimed), how often it is tried and how long one try may hold
// it. No server-only import: the seed and scripts write messages, which queue pushes.
// The handler that runs it is registered apart (./registry.ts), by the area it belongs to.

const DEFAULT_LEASE_MS = 60_000;

export type JobKind<K extends string = string, P = unknown> = {
  readonly kind: K;
  readonly schema: z.ZodType<P>;
  /** Tries before it is given up (the area's `giveUp` then says so to whoever waits). */
  readonly maxAttempts: number;
  /** How long one try holds the job; the worker renews it every third of it while the try runs. */
  readonly leaseMs: number;
  /** Housekeeping that runs again every so often: never given up, a failure waits for the next turn. */
  readonly everyMs?: number;
};

export function jobKind<const K extends string, P>(
  kind: K,
  schema: z.ZodType<P>,
  policy: { maxAttempts: number; leaseMs?: number; everyMs?: number },
): JobKind<K, P> {
  return {
    kind,
    schema,
    maxAttempts: policy.maxAttempts,
    leaseMs: policy.leaseMs ?? DEFAULT_LEASE_MS,
    everyMs: policy.everyMs,
  };
}

/** The payload of a kind, for handlers. */
export type PayloadOf<J> = J extends JobKind<string, infer P> ? P : never;
