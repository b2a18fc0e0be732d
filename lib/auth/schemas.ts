import { z } from "zod";

export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter your e-mail address.")
    .max(254, "This e-mail address is too long.")
    .pipe(z.email("Enter a valid e-mail address.")),
  password: z.string().min(1, "Enter your password.").max(200, "This password is too long."),
  callbackUrl: z
    .string()
    .max(500)
    .optional()
    // Only paths on this site: "//host" and "/\host" would leave it.
    .transform((v) => (v && /^\/(?![\/\\])/.test(v) ? v : undefined)),
});

export type SignInInput = z.infer<typeof signInSchema>;
