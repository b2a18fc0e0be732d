import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MyThread } from "../my-thread";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("nav.messages") };
}

export default async function MyThreadPage({ params }: { params: Promise<{ conversationId: string }> }) {
  return <MyThread conversationId={(await params).conversationId} />;
}
