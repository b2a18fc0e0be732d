import type { PrismaClient } from "./generated/client";
import type { Role } from "./generated/enums";
import { previewOf } from "../text/preview";

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
};

export async function createStaff(db: Db, u: UserSeed) {
  return db.user.create({ data: { ...u, email: u.email.toLowerCase() }, select: { id: true, email: true, role: true, organizationId: true } });
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
  const { departmentId, groupIds = [], skillIds = [], tagIds = [], street, city, postcode, smsConsent = false, waitingList = false, ...user } = t;
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

/** Appends a message to a thread directly (seed and test data), keeping sequence and summary right. */
export async function addMessage(
  db: Db,
  m: { conversationId: string; authorId: string | null; fromStaff: boolean; body: string; createdAt?: Date; clientId?: string },
) {
  return db.$transaction(async (tx) => {
    const conv = await tx.conversation.findUniqueOrThrow({ where: { id: m.conversationId }, select: { lastSeq: true, organizationId: true } });
    const seq = conv.lastSeq + 1;
    const at = m.createdAt ?? new Date();
    await tx.conversation.update({
      where: { id: m.conversationId },
      data: {
        lastSeq: seq,
        lastMessageAt: at,
        lastMessagePreview: previewOf(m.body),
        ...(m.fromStaff ? {} : { lastInboundSeq: seq, lastInboundAt: at, processed: false, processedAt: null, processedById: null }),
      },
    });
    return tx.message.create({
      data: {
        organizationId: conv.organizationId,
        conversationId: m.conversationId,
        seq,
        authorId: m.authorId,
        fromStaff: m.fromStaff,
        body: m.body,
        clientId: m.clientId ?? `seed-${m.conversationId}-${seq}`,
        createdAt: at,
      },
      select: { id: true, seq: true },
    });
  });
}

export async function createShift(
  db: Db,
  s: { organizationId: string; activityId: string; departmentId: string; startsAt: Date; endsAt: Date; place: string; assignees?: string[] },
) {
  const { assignees = [], ...shift } = s;
  return db.shift.create({
    data: { ...shift, assignments: { create: assignees.map((userId) => ({ organizationId: s.organizationId, userId })) } },
    select: { id: true },
  });
}
