import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MyThread } from "../my-thread";
import { openAtSchema } from "@/lib/conversations/schemas";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("nav.messages") };
}

export default async function MyThreadPage({
  params,
  searchParams,
}: {
  params: Promise<{ conversationId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // ?at=: a search's result opens the thread at that message.
  const { at } = openAtSchema.parse(await searchParams);
  return <MyThread conversationId={(await params).conversationId} at={at} />;
}
