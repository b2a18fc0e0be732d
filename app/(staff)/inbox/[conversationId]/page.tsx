import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { orNotFound, requireStaffPage } from "@/lib/auth/pages";
import { getOrganization } from "@/lib/org/queries";
import { getStaffThread } from "@/lib/inbox/queries";
import { markReadByStaff } from "@/lib/inbox/read";
import { formatDateTime } from "@/lib/text/format";
import { MessageList } from "@/components/thread/message-list";
import { Composer } from "@/components/thread/composer";
import { InboxShell } from "../inbox-shell";

export const metadata: Metadata = { title: "Conversation" };

export default async function ThreadPage({ params }: { params: Promise<{ conversationId: string }> }) {
  const { conversationId } = await params;
  const user = await requireStaffPage();
  const org = await getOrganization(user);
  const thread = await orNotFound(getStaffThread(user, conversationId));
  // Opening a thread marks it read for this staff user only, before the list is drawn.
  await markReadByStaff(user, thread.id, thread.lastSeq);
  const name = `${thread.teammate.firstName} ${thread.teammate.lastName}`;
  return (
    <InboxShell user={user} timeZone={org.timeZone} activeId={thread.id}>
      <header className="border-b border-slate-200 bg-white px-5 py-3">
        <h2 className="text-lg font-semibold">{name}</h2>
        <p className="text-sm text-slate-500">
          {thread.teammate.email}
          {thread.teammate.phone ? ` · ${thread.teammate.phone}` : ""}
        </p>
      </header>
      <div
        role="status"
        data-testid="processed-banner"
        className={`px-5 py-2 text-sm font-medium ${thread.processed ? "bg-green-100 text-green-900" : "bg-orange-100 text-orange-900"}`}
      >
        {thread.processed && thread.processedAt
          ? `Processed${thread.processedBy ? ` by ${thread.processedBy}` : ""} on ${formatDateTime(thread.processedAt, org.timeZone)}`
          : "Not processed"}
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4">
        <MessageList messages={thread.messages} timeZone={org.timeZone} mine={(m) => m.fromStaff} />
      </div>
      <Composer conversationId={thread.id} clientId={randomUUID()} placeholder={`Write to ${thread.teammate.firstName}…`} />
    </InboxShell>
  );
}
