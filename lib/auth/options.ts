import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "./credentials";
import { authSecret } from "./secret";
import { signInSchema } from "./schemas";
import { clientAddress } from "./client-address";

export const SESSION_MAX_AGE = 30 * 24 * 60 * 60;
export const SESSION_COOKIE = "shiftline.session";

/**
 * Whether the session cookie is Secure (sent over https only). In production (`npm start`)
 * it is, unless NEXTAUTH_URL says explicitly that this runs on plain http on this machine
 * (http://localhost…, http://127.0.0.1…). In development it follows NEXTAUTH_URL.
 */
export function cookiesSecure(env: Record<string, string | undefined> = process.env): boolean {
  const url = env.NEXTAUTH_URL ?? "";
  if (url.startsWith("https://")) return true;
  if (env.NODE_ENV !== "production") return false;
  return !/^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/.test(url);
}

export function sessionCookieOptions() {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure: cookiesSecure() };
}

let options: NextAuthOptions | undefined;

/** next-auth configuration; built lazily so the secret is read at run time, not at build time. */
export function authOptions(): NextAuthOptions {
  options ??= {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    cookies: { sessionToken: { name: SESSION_COOKIE, options: sessionCookieOptions() } },
    providers: [
      CredentialsProvider({
        name: "E-mail and password",
        credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const parsed = signInSchema.safeParse(credentials ?? {});
          if (!parsed.success) return null;
          const outcome = await authenticate(parsed.data.email, parsed.data.password, clientAddress(req?.headers ?? {}));
          if (!outcome.ok) return null;
          return { id: outcome.user.id, sv: outcome.user.sessionVersion };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sv = (user as { sv?: number }).sv ?? 0;
        return token;
      },
      session({ session, token }) {
        return { ...session, uid: token.sub, sv: token.sv };
      },
    },
  };
  return options;
}
