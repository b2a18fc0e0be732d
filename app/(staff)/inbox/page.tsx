import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/auth/pages";
import { getOrganization } from "@/lib/org/queries";
import { InboxShell, readFilters, type InboxSearchParams } from "./inbox-shell";

export const metadata: Metadata = { title: "Messaging" };

export default async function InboxPage({ searchParams }: { searchParams: InboxSearchParams }) {
  const user = await requireStaffPage();
  const org = await getOrganization(user);
  return (
    <InboxShell user={user} timeZone={org.timeZone} filters={await readFilters(searchParams)}>
      <div className="flex flex-1 items-center justify-center text-slate-500">Select a teammate to open the conversation.</div>
    </InboxShell>
  );
}
