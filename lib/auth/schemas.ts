import { z } from "zod";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "errors.emailRequired").max(254, "errors.emailTooLong").pipe(z.email("errors.emailInvalid")),
  password: z.string().min(1, "errors.passwordRequired").max(200, "errors.passwordTooLong"),
  callbackUrl: z
    .string()
    .max(500)
    .optional()
    // Only paths on this site: "//host" and "/\host" would leave it.
    .transform((v) => (v && /^\/(?![\/\\])/.test(v) ? v : undefined)),
});

export type SignInInput = z.infer<typeof signInSchema>;
