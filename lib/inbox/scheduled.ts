import "server-only";
import { z } from "zod";
import { db, writeTx } from "@/lib/db";
import type { SqlExec } from "@/lib/db/exec";
import { jobKind } from "@/lib/jobs/kind";
import { enqueueIn } from "@/lib/jobs/queue";
import { appendEvent } from "@/lib/realtime/append";
import { NotFoundError, UserError } from "@/lib/errors";
import { requireMessaging } from "@/lib/auth/authorize";
import { isStaff, type SessionUser } from "@/lib/auth/roles";
import { actingUser } from "@/lib/auth/acting-user";
import { isWallClock, zonedToUtc } from "@/lib/text/time";
import { requireInboxThread } from "./access";
import { smsCopyFor } from "./sms-copy";
import { readFollowUp, type FollowUp } from "./follow-up";
import { refuseUnfilled } from "./send";
import type { Recipients } from "./grouped";
import type { EditScheduledInput, ScheduleMessageInput } from "./schemas";

// Send later (issue 30, part 3): a manager's message to one thread, or a grouped message, kept
// until its time in the organisation's time zone. Its job is written with it, keyed by the
// time, so a changed time gets a job of its own and the old one finds nothing to do. It leaves
// once, under its own client id, through the same send as a message sent now (a restart or a
// second try finds it stored and only marks it sent).

export const SCHEDULED_JOB = jobKind("message.scheduled", z.object({ id: z.string(), at: z.number() }), {
  maxAttempts: 5,
});

const LATEST_DAYS = 366;

/** "2026-12-07T07:00" in the organisation's time zone, as an instant: a real time, ahead, within a year. */
function sendTime(local: string, timeZone: string, now = new Date()): Date {
  if (!isWallClock(local, timeZone)) throw new UserError("errors.scheduled.notATime", { value: local }, "sendAt");
  const at = zonedToUtc(local, timeZone);
  if (at.getTime() < now.getTime() + 60_000) throw new UserError("errors.scheduled.past", {}, "sendAt");
  if (at.getTime() > now.getTime() + LATEST_DAYS * 86_400_000)
    throw new UserError("errors.scheduled.tooFar", {}, "sendAt");
  return at;
}

async function told(tx: SqlExec, organizationId: string, conversationId: string | null) {
  await appendEvent(tx, "scheduled.changed", { organizationId, audience: "STAFF", conversationId }, { conversationId });
}

async function queue(tx: SqlExec, row: { id: string; organizationId: string; sendAt: Date }) {
  await enqueueIn(
    tx,
    SCHEDULED_JOB,
    { id: row.id, at: row.sendAt.getTime() },
    { organizationId: row.organizationId, key: `scheduled:${row.id}:${row.sendAt.getTime()}`, runAt: row.sendAt },
  );
}

/** A message for one thread, to leave at `sendAt` (the organisation's wall-clock time). */
export async function scheduleMessage(
  user: SessionUser,
  input: ScheduleMessageInput,
  timeZone: string,
): Promise<{ id: string; sendAt: Date }> {
  requireMessaging(user);
  const thread = await requireInboxThread(user, input.conversationId);
  const sendAt = sendTime(input.sendAt, timeZone);
  refuseUnfilled(input.body);
  // An SMS copy that cannot go now is refused now (it is checked again when the message leaves).
  if (input.smsCopy) await smsCopyFor(user, thread.id);
  const existing = await db.scheduledMessage.findUnique({
    where: { authorId_clientId: { authorId: user.id, clientId: input.clientId } },
    select: { id: true, sendAt: true },
  });
  if (existing) return existing; // the same form posted twice
  const { body, urgent, smsCopy, clientId } = input;
  return store(user, { conversationId: thread.id, body, urgent, smsCopy, clientId, sendAt });
}

/** The row and its job, together. */
function store(
  user: SessionUser,
  data: {
    conversationId?: string;
    recipients?: Recipients;
    followUp?: FollowUp;
    body: string;
    urgent: boolean;
    smsCopy: boolean;
    clientId: string;
    sendAt: Date;
  },
): Promise<{ id: string; sendAt: Date }> {
  return writeTx(async (tx, ex) => {
    const row = await tx.scheduledMessage.create({
      data: { ...data, organizationId: user.organizationId, authorId: user.id },
      select: { id: true, organizationId: true, sendAt: true },
    });
    await queue(ex, row);
    await told(ex, user.organizationId, data.conversationId ?? null);
    return { id: row.id, sendAt: row.sendAt };
  });
}

/** A grouped message to leave at `sendAt`: its recipients as chosen now, the list drawn when it leaves. */
export async function scheduleGrouped(
  user: SessionUser,
  input: {
    who: Recipients;
    body: string;
    clientId: string;
    smsCopy: boolean;
    urgent: boolean;
    sendAt: string;
    followUp?: FollowUp;
  },
  timeZone: string,
): Promise<{ id: string; sendAt: Date }> {
  requireMessaging(user);
  const { who, body, urgent, smsCopy, clientId, followUp } = input;
  return store(user, {
    recipients: who,
    followUp,
    body,
    urgent,
    smsCopy,
    clientId,
    sendAt: sendTime(input.sendAt, timeZone),
  });
}

/** One still to leave, that this user may change: its author's, or any for an admin. */
async function ownScheduled(user: SessionUser, id: string) {
  requireMessaging(user);
  const row = await db.scheduledMessage.findFirst({
    where: { id, organizationId: user.organizationId },
    select: { id: true, authorId: true, status: true, conversationId: true, sendAt: true },
  });
  if (!row || (row.authorId !== user.id && user.role !== "ADMIN")) throw new NotFoundError("errors.notFound.scheduled");
  if (row.status !== "SCHEDULED") throw new UserError("errors.scheduled.gone");
  return row;
}

export async function editScheduled(user: SessionUser, input: EditScheduledInput, timeZone: string): Promise<void> {
  const row = await ownScheduled(user, input.id);
  const sendAt = sendTime(input.sendAt, timeZone);
  refuseUnfilled(input.body);
  await writeTx(async (tx, ex) => {
    // Only while it still waits: a message leaving now is not changed under it.
    const changed = await tx.scheduledMessage.updateMany({
      where: { id: row.id, status: "SCHEDULED" },
      data: { body: input.body, sendAt },
    });
    if (changed.count === 0) throw new UserError("errors.scheduled.gone");
    if (sendAt.getTime() !== row.sendAt.getTime())
      await queue(ex, { id: row.id, organizationId: user.organizationId, sendAt });
    await told(ex, user.organizationId, row.conversationId);
  });
}

export async function cancelScheduled(user: SessionUser, id: string): Promise<void> {
  const row = await ownScheduled(user, id);
  await writeTx(async (tx, ex) => {
    const changed = await tx.scheduledMessage.updateMany({
      where: { id: row.id, status: "SCHEDULED" },
      data: { status: "CANCELLED" },
    });
    if (changed.count === 0) throw new UserError("errors.scheduled.gone");
    await told(ex, user.organizationId, row.conversationId);
  });
}

export type ScheduledRow = {
  id: string;
  conversationId: string | null;
  /** Whose thread (null: a grouped message). */
  teammateName: string | null;
  body: string;
  sendAt: Date;
  status: "SCHEDULED" | "SENDING" | "SENT" | "CANCELLED" | "FAILED";
  failure: string | null;
  authorName: string;
  urgent: boolean;
  smsCopy: boolean;
  /** This reader may change or cancel it. */
  mine: boolean;
};

/** What waits to leave (and what failed), soonest first: the organisation's, or one thread's. */
export async function listScheduled(user: SessionUser, conversationId?: string): Promise<ScheduledRow[]> {
  requireMessaging(user);
  const rows = await db.scheduledMessage.findMany({
    where: {
      organizationId: user.organizationId,
      status: { in: ["SCHEDULED", "SENDING", "FAILED"] },
      ...(conversationId ? { conversationId } : {}),
    },
    orderBy: { sendAt: "asc" },
    take: 200,
  });
  // Most threads have none: no second query for them (this runs on every thread's page).
  if (rows.length === 0) return [];
  const people = await db.user.findMany({
    where: {
      organizationId: user.organizationId,
      OR: [
        { id: { in: rows.map((r) => r.authorId) } },
        {
          inboxThread: { id: { in: rows.flatMap((r) => (r.conversationId ? [r.conversationId] : [])) } },
        },
      ],
    },
    select: { id: true, firstName: true, lastName: true, inboxThread: { select: { id: true } } },
  });
  const name = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;
  const byId = new Map(people.map((p) => [p.id, p]));
  const byThread = new Map(people.flatMap((p) => (p.inboxThread ? [[p.inboxThread.id, p] as const] : [])));
  return rows.map((r) => {
    const teammate = r.conversationId ? byThread.get(r.conversationId) : undefined;
    const author = byId.get(r.authorId);
    return {
      id: r.id,
      conversationId: r.conversationId,
      teammateName: teammate ? name(teammate) : null,
      body: r.body,
      sendAt: r.sendAt,
      status: r.status,
      failure: r.failure,
      authorName: author ? name(author) : "",
      urgent: r.urgent,
      smsCopy: r.smsCopy,
      mine: r.status === "SCHEDULED" && (r.authorId === user.id || user.role === "ADMIN"),
    };
  });
}

/**
 * The job: sends it if it still waits for this time. `send` is the inbox's send (a thread's
 * message) or the grouped send, handed in by the job's registration.
 */
export async function sendScheduled(
  payload: { id: string; at: number },
  send: {
    thread(
      user: SessionUser,
      row: { conversationId: string; body: string; clientId: string; urgent: boolean; smsCopy: boolean },
    ): Promise<void>;
    grouped(
      user: SessionUser,
      row: {
        who: Recipients;
        body: string;
        clientId: string;
        urgent: boolean;
        smsCopy: boolean;
        followUp: FollowUp | null;
      },
    ): Promise<void>;
  },
): Promise<void> {
  const row = await db.scheduledMessage.findUnique({ where: { id: payload.id } });
  // Cancelled, sent, or its time changed (another job carries the new time).
  if (!row || row.sendAt.getTime() !== payload.at || (row.status !== "SCHEDULED" && row.status !== "SENDING")) return;
  await db.scheduledMessage.updateMany({ where: { id: row.id, status: "SCHEDULED" }, data: { status: "SENDING" } });
  const fail = (failure: string) =>
    writeTx(async (tx, ex) => {
      await tx.scheduledMessage.update({ where: { id: row.id }, data: { status: "FAILED", failure } });
      await told(ex, row.organizationId, row.conversationId);
    });
  // Its author may still send: enabled, staff, with messaging.
  const user = await actingUser(row.authorId, row.organizationId);
  if (!user || user.disabled || !isStaff(user.role) || !user.messagingAccess)
    return void (await fail("errors.scheduled.authorGone"));
  try {
    const common = { body: row.body, clientId: row.clientId, urgent: row.urgent, smsCopy: row.smsCopy };
    if (row.conversationId) await send.thread(user, { ...common, conversationId: row.conversationId });
    else
      await send.grouped(user, {
        ...common,
        who: row.recipients as Recipients,
        followUp: readFollowUp(row.followUp),
      });
  } catch (error) {
    // What a person must change (no SMS consent any more, no recipients left): said in the list, not retried.
    if (error instanceof UserError || error instanceof NotFoundError) return void (await fail(error.text.key));
    throw error;
  }
  await writeTx(async (tx, ex) => {
    await tx.scheduledMessage.update({ where: { id: row.id }, data: { status: "SENT", sentAt: new Date() } });
    await told(ex, row.organizationId, row.conversationId);
  });
}
