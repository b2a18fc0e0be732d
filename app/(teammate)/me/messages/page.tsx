import { notFound, redirect } from "next/navigation";
import { requireTeammatePage } from "@/lib/auth/pages";
import { teammateThreadId } from "@/lib/inbox/queries";

export default async function MyMessages() {
  const user = await requireTeammatePage();
  const id = await teammateThreadId(user);
  if (!id) notFound();
  redirect(`/me/messages/${id}`);
}
