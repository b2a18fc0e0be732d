import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { peekToken, type TokenPurpose } from "@/lib/admin/tokens";
import { setPasswordAction } from "@/lib/account/password-actions";
import { AuthCard } from "./auth-card";
import { PasswordForm } from "./password-form";

/** The page behind an e-mailed link (an invitation, a reset): a new password, or why the link no longer works. */
export async function PasswordLink({ token, purpose, title }: { token: string; purpose: TokenPurpose; title: string }) {
  const [t, who] = await Promise.all([getTranslations(), peekToken(token, purpose)]);
  return (
    <AuthCard title={title}>
      {who ? (
        <>
          {purpose === "invite" ? (
            <p className="mb-4 text-sm text-slate-700">
              {t("account.welcomeText", { name: who.firstName, email: who.email })}
            </p>
          ) : null}
          <PasswordForm action={setPasswordAction} hidden={{ token, purpose }} submitLabel={t("account.setPassword")} />
        </>
      ) : (
        <p className="text-sm text-slate-700">
          {t("errors.link.expired")}{" "}
          <Link href="/reset-password" className="text-teal-800 underline">
            {t("account.askNewLink")}
          </Link>
        </p>
      )}
    </AuthCard>
  );
}
