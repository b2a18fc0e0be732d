import "server-only";
import { db, writeTx, type Tx } from "@/lib/db";
import { lockRow, type SqlExec } from "@/lib/db/exec";
import { NotFoundError, UserError } from "@/lib/errors";
import { requireAdmin } from "@/lib/auth/authorize";
import type { Role, SessionUser } from "@/lib/auth/roles";
import { audit } from "@/lib/audit/record";
import { revokeSessions } from "@/lib/auth/session";
import { NO_PASSWORD_YET } from "./invite";
import { numberSharedElsewhere } from "@/lib/sms/inbound";

// Roles, messaging rights and disabling (admins only). Each change ends the person's
// sessions, so every device and open stream picks up what they may now see, and is in
// the audit history. The organisation always keeps an active admin.

type Target = { id: string; role: Role; disabledAt: Date | null; messagingAccess: boolean };

async function target(tx: Tx, admin: SessionUser, userId: string): Promise<Target> {
  const u = await tx.user.findFirst({
    where: { id: userId, organizationId: admin.organizationId },
    select: { id: true, role: true, disabledAt: true, messagingAccess: true },
  });
  if (!u) throw new NotFoundError("errors.notFound.person");
  return u;
}

/**
 * Refuses a change that would leave no active admin. The organisation's row is locked
 * first, so two admins demoting each other at once cannot both pass (PostgreSQL; SQLite
 * writes one at a time anyway).
 */
async function keepAnAdmin(tx: Tx, ex: SqlExec, admin: SessionUser, userId: string): Promise<void> {
  await lockRow(ex, "Organization", admin.organizationId);
  const others = await tx.user.count({
    where: { organizationId: admin.organizationId, role: "ADMIN", disabledAt: null, id: { not: userId } },
  });
  if (others === 0) throw new UserError("errors.admin.lastAdmin");
}

/** Between ADMIN and MANAGER. (A teammate's account and a staff account differ in their data: invite the other kind.) */
export async function changeRole(admin: SessionUser, userId: string, role: "ADMIN" | "MANAGER"): Promise<void> {
  requireAdmin(admin);
  const changed = await writeTx(async (tx, ex) => {
    const u = await target(tx, admin, userId);
    if (u.role === "TEAMMATE") throw new UserError("errors.admin.teammateRole", undefined, "role");
    if (u.role === role) return false;
    if (u.role === "ADMIN") await keepAnAdmin(tx, ex, admin, u.id);
    // Administrators always have messaging (only a manager's can be turned off).
    await tx.user.update({
      where: { id: u.id },
      data: { role, ...(role === "ADMIN" ? { messagingAccess: true } : {}) },
    });
    await audit(tx, admin, "user.role", { type: "User", id: u.id }, { from: u.role, to: role });
    return true;
  });
  if (changed) await revokeSessions(userId, admin.organizationId);
}

/** A manager's access to messaging (the inbox and private notes). Admins always have it. */
export async function setMessagingAccess(admin: SessionUser, userId: string, on: boolean): Promise<void> {
  requireAdmin(admin);
  const changed = await writeTx(async (tx) => {
    const u = await target(tx, admin, userId);
    if (u.role !== "MANAGER") throw new UserError("errors.admin.messagingManagersOnly");
    if (u.messagingAccess === on) return false;
    await tx.user.update({ where: { id: u.id }, data: { messagingAccess: on } });
    await audit(tx, admin, on ? "user.messaging.on" : "user.messaging.off", { type: "User", id: u.id });
    return true;
  });
  if (changed) await revokeSessions(userId, admin.organizationId);
}

/** Disables (or enables again) an account: its sessions and live streams end at once; its messages stay. */
export async function setDisabled(admin: SessionUser, userId: string, disabled: boolean): Promise<void> {
  requireAdmin(admin);
  const changed = await writeTx(async (tx, ex) => {
    const u = await target(tx, admin, userId);
    if (Boolean(u.disabledAt) === disabled) return false;
    if (disabled && u.role === "ADMIN") await keepAnAdmin(tx, ex, admin, u.id);
    await tx.user.update({ where: { id: u.id }, data: { disabledAt: disabled ? new Date() : null } });
    await audit(tx, admin, disabled ? "user.disabled" : "user.enabled", { type: "User", id: u.id });
    return true;
  });
  if (changed) await revokeSessions(userId, admin.organizationId);
}

/** What the access panel shows about a person. */
export async function accessOf(admin: SessionUser, userId: string) {
  requireAdmin(admin);
  const u = await db.user.findFirst({
    where: { id: userId, organizationId: admin.organizationId },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      email: true,
      role: true,
      messagingAccess: true,
      disabledAt: true,
      lastSignInAt: true,
      passwordHash: true,
      phone: true,
    },
  });
  if (!u) throw new NotFoundError("errors.notFound.person");
  const { passwordHash, phone, ...rest } = u;
  // Only whether the number is shared: never with whom.
  const numberShared = rest.role === "TEAMMATE" && (await numberSharedElsewhere(admin.organizationId, phone));
  return { ...rest, invited: passwordHash === NO_PASSWORD_YET, numberShared };
}
