import type { SessionUser } from "@/lib/auth/roles";
import { getOrganization } from "@/lib/org/queries";
import { pushPreferences } from "@/lib/push/settings";
import { clockOf } from "@/lib/push/quiet";
import { PushSettings } from "./push-settings";

/** The notification settings of the profile (teammates) and the account page (staff). */
export async function NotificationSettings({ user }: { user: SessionUser }) {
  const [prefs, org] = await Promise.all([pushPreferences(user), getOrganization(user)]);
  return (
    <PushSettings
      available={prefs.available}
      publicKey={prefs.publicKey}
      enabled={prefs.enabled}
      quietFrom={clockOf(prefs.quietFrom)}
      quietTo={clockOf(prefs.quietTo)}
      timeZone={org.timeZone}
    />
  );
}
