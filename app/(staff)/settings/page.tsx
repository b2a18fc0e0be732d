import type { Metadata } from "next";
import { requireAdminPage } from "@/lib/auth/pages";
import { getOrganization } from "@/lib/org/queries";
import { formatDateTime } from "@/lib/text/format";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireAdminPage();
  const org = await getOrganization(user);
  return (
    <main className="max-w-2xl space-y-6 p-6">
      <h1 className="text-xl font-semibold">Settings</h1>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="font-medium">Organisation</h2>
        <dl className="mt-2 grid grid-cols-[10rem_1fr] gap-y-1 text-sm">
          <dt className="text-slate-500">Name</dt>
          <dd>{org.name}</dd>
          <dt className="text-slate-500">Time zone</dt>
          <dd>{org.timeZone}</dd>
        </dl>
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="font-medium">Chat option</h2>
        <p className="mt-1 text-sm text-slate-600">
          Team chat for departments, priced {(org.chatPricePerSeatCents / 100).toFixed(2)} $ per employee per month.{" "}
          {org.chatEnabled && org.chatEnabledAt ? `Enabled since ${formatDateTime(org.chatEnabledAt, org.timeZone)}.` : "Not enabled."}
        </p>
      </section>
    </main>
  );
}
