import type { PrismaClient } from "../db/generated/client";
import type { Role } from "../db/generated/enums";
import { prismaWriteTx } from "../db/exec";
import { postMessage, type MessageAuthor, type NewMessage } from "../conversations/post";
import { recordProcessed, type ProcessedBy } from "../conversations/processed";

// Factories shared by the seed, the tests and the benchmarks, so demo data and
// test data are built the same way. They take the client so scripts can pass their own.

type Db = PrismaClient;

export async function createOrganization(db: Db, data: { name: string; slug: string; chatEnabled?: boolean }) {
  return db.organization.create({
    data: { ...data, chatEnabledAt: data.chatEnabled ? new Date() : null },
    select: { id: true, name: true, slug: true },
  });
}

export async function createDepartment(db: Db, organizationId: string, name: string, groups: string[] = []) {
  return db.department.create({
    data: { organizationId, name, groups: { create: groups.map((g) => ({ organizationId, name: g })) } },
    select: { id: true, name: true, groups: { select: { id: true, name: true } } },
  });
}

export type UserSeed = {
  organizationId: string;
  role: Role;
  firstName: string;
  lastName: string;
  email: string;
  passwordHash: string;
  phone?: string | null;
  /** "en" when not given. */
  locale?: string;
};

export async function createStaff(db: Db, u: UserSeed) {
  return db.user.create({
    data: { ...u, email: u.email.toLowerCase() },
    select: { id: true, email: true, role: true, organizationId: true, firstName: true, lastName: true },
  });
}

export type TeammateSeed = Omit<UserSeed, "role"> & {
  departmentId?: string | null;
  groupIds?: string[];
  skillIds?: string[];
  tagIds?: string[];
  street?: string;
  city?: string;
  postcode?: string;
  smsConsent?: boolean;
  waitingList?: boolean;
};

/** A teammate with their profile and their inbox thread with the organisation. */
export async function createTeammate(db: Db, t: TeammateSeed) {
  const {
    departmentId,
    groupIds = [],
    skillIds = [],
    tagIds = [],
    street,
    city,
    postcode,
    smsConsent = false,
    waitingList = false,
    ...user
  } = t;
  return db.$transaction(async (tx) => {
    const created = await tx.user.create({
      data: {
        ...user,
        email: user.email.toLowerCase(),
        role: "TEAMMATE",
        profile: {
          create: {
            organizationId: user.organizationId,
            departmentId: departmentId ?? null,
            street,
            city,
            postcode,
            smsConsent,
            smsConsentAt: smsConsent ? new Date() : null,
            waitingList,
            groups: { connect: groupIds.map((id) => ({ id })) },
            skills: { connect: skillIds.map((id) => ({ id })) },
            tags: { connect: tagIds.map((id) => ({ id })) },
          },
        },
      },
      select: { id: true, email: true, organizationId: true, firstName: true, lastName: true },
    });
    const thread = await tx.conversation.create({
      data: {
        organizationId: user.organizationId,
        kind: "INBOX",
        teammateId: created.id,
        members: { create: { userId: created.id } },
      },
      select: { id: true },
    });
    return { ...created, threadId: thread.id };
  });
}

/** Adds a message through the messaging core (lib/conversations/post.ts), as a send would. */
export async function addMessage(
  db: Db,
  m: {
    organizationId: string;
    conversationId: string;
    author: MessageAuthor | null;
    body: string;
    createdAt?: Date;
    clientId?: string;
    kind?: NewMessage["kind"];
    /** A chat conversation's kind (the core refuses a chat message without it). */
    chat?: "CHANNEL" | "GROUP";
  },
) {
  const { chat, ...rest } = m;
  const posted = await prismaWriteTx(db, (_tx, ex) =>
    postMessage(ex, { ...rest, kind: m.kind ?? "TEXT", at: m.createdAt, ...(chat ? { where: { kind: chat } } : {}) }),
  );
  if (!posted) throw new Error(`No conversation ${m.conversationId}`);
  return posted;
}

/** A chat conversation of a department, with these members joined (a public one: whoever opened it). */
export async function createChatConversation(
  db: Db,
  c: {
    organizationId: string;
    kind: "CHANNEL" | "GROUP";
    departmentId: string;
    name: string | null;
    createdById: string;
    memberIds: string[];
    createdAt?: Date;
  },
) {
  const { memberIds, ...data } = c;
  const conversation = await db.conversation.create({ data, select: { id: true } });
  const members = [...new Set([c.createdById, ...memberIds])];
  await db.conversationMember.createMany({
    data: members.map((userId) => ({ conversationId: conversation.id, userId, joinedAt: c.createdAt ?? new Date() })),
  });
  return conversation;
}

/** Marks a thread processed or not through the same statement as "Mark as processed". */
export async function setThreadProcessed(
  db: Db,
  organizationId: string,
  conversationId: string,
  by: ProcessedBy,
  processed: boolean,
  at?: Date,
) {
  return prismaWriteTx(db, (_tx, ex) => recordProcessed(ex, { organizationId, conversationId, by, processed, at }));
}

export async function createShift(
  db: Db,
  s: {
    organizationId: string;
    activityId: string;
    departmentId: string;
    startsAt: Date;
    endsAt: Date;
    place: string;
    /** How many people it needs (1 when not said). */
    needed?: number;
    assignees?: string[];
  },
) {
  const { assignees = [], ...shift } = s;
  return db.shift.create({
    data: {
      ...shift,
      assignments: { create: assignees.map((userId) => ({ organizationId: s.organizationId, userId })) },
    },
    select: { id: true },
  });
}
