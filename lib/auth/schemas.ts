import { z } from "zod";

const BASE = "http://shiftline.invalid";

/**
 * Where to go after sign-in: a path on this site, or nothing (the home page). The check is
 * the browser's own reading: it drops tabs and newlines and reads "\\" as "/", so
 * "/\t/host" means "//host", another site. Anything with such characters is refused, and what
 * remains must parse to this origin. The result is the normalised path (safe in a header).
 */
function onSitePath(v: string | undefined): string | undefined {
  if (!v || !v.startsWith("/") || /[\u0000-\u001f\u007f\\\s]/.test(v)) return undefined;
  try {
    const url = new URL(v, BASE);
    return url.origin === BASE ? `${url.pathname}${url.search}${url.hash}` : undefined;
  } catch {
    return undefined;
  }
}

export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "errors.emailRequired")
    .max(254, "errors.emailTooLong")
    .pipe(z.email("errors.emailInvalid")),
  password: z.string().min(1, "errors.passwordRequired").max(200, "errors.passwordTooLong"),
  callbackUrl: z.string().max(500).optional().catch(undefined).transform(onSitePath),
});
