import { listInboxContacts } from "@/lib/inbox/queries";
import type { SessionUser } from "@/lib/auth/roles";
import { ContactList } from "@/components/contact-list";

/** The two panes of Messaging: contacts on the left, the open conversation on the right. */
export async function InboxShell({ user, timeZone, activeId, children }: { user: SessionUser; timeZone: string; activeId?: string; children: React.ReactNode }) {
  const contacts = await listInboxContacts(user);
  return (
    <div className="flex h-full">
      <section aria-label="Contact list" className="flex w-80 shrink-0 flex-col border-r border-slate-200 bg-white">
        <header className="border-b border-slate-200 px-4 py-3">
          <h1 className="text-lg font-semibold">Messaging</h1>
        </header>
        <div className="min-h-0 flex-1 overflow-y-auto">
          <ContactList contacts={contacts} activeId={activeId} timeZone={timeZone} />
        </div>
      </section>
      <section className="flex min-w-0 flex-1 flex-col">{children}</section>
    </div>
  );
}
