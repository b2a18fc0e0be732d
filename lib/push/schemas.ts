import { z } from "zod";

// Messages are catalogue keys, translated where the result is built (lib/api/result.ts).

const base64url = z.string().regex(/^[A-Za-z0-9_-]+=*$/, "errors.push.badSubscription");

/** What the browser's PushSubscription.toJSON() gives. The endpoint's host is checked by the domain (lib/push/endpoint.ts). */
export const pushSubscriptionSchema = z.object({
  endpoint: z.string().url("errors.push.badSubscription").max(2000, "errors.push.badSubscription"),
  keys: z.object(
    { p256dh: base64url.min(80).max(200), auth: base64url.min(16).max(64) },
    "errors.push.badSubscription",
  ),
  /** Sent again as the app starts, not asked for now: the account's on/off switch stays as it is. */
  resync: z.boolean().optional(),
});

export const removeSubscriptionSchema = z.object({
  endpoint: z.string().max(2000, "errors.push.badSubscription").min(1, "errors.push.badSubscription"),
});

const clock = z
  .string()
  .trim()
  .regex(/^$|^([01]\d|2[0-3]):[0-5]\d$/, "errors.push.badTime")
  .transform((v) => (v ? Number(v.slice(0, 2)) * 60 + Number(v.slice(3, 5)) : null));

export const pushPreferencesSchema = z
  .object({
    enabled: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
    quiet: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
    quietFrom: clock.default(null),
    quietTo: clock.default(null),
  })
  .superRefine((p, ctx) => {
    if (!p.quiet) return;
    if (p.quietFrom === null)
      ctx.addIssue({ code: "custom", message: "errors.push.timeRequired", path: ["quietFrom"] });
    if (p.quietTo === null) ctx.addIssue({ code: "custom", message: "errors.push.timeRequired", path: ["quietTo"] });
    if (p.quietFrom !== null && p.quietFrom === p.quietTo)
      ctx.addIssue({ code: "custom", message: "errors.push.sameTimes", path: ["quietTo"] });
  });

export const muteSchema = z.object({
  conversationId: z.string().trim().min(1, "errors.staleRequest").max(64, "errors.staleRequest"),
  muted: z.enum(["true", "false"], "errors.staleRequest").transform((v) => v === "true"),
});
