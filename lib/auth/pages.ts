import "server-only";
import { notFound, redirect } from "next/navigation";
import { NotFoundError } from "@/lib/errors";
import { getCurrentUser } from "./session";
import { homePath, isStaff, type SessionUser } from "./roles";

// Guards for pages and layouts: the wrong role is redirected to its own home.
// Actions and route handlers do not rely on these; they check again.

async function requirePageUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return user;
}

export async function requireStaffPage(): Promise<SessionUser> {
  const user = await requirePageUser();
  if (!isStaff(user.role)) redirect(homePath(user.role, user.messagingAccess));
  return user;
}

/** Staff pages of messaging (the inbox, exports, the outbox): a manager without it goes to the schedule. */
export async function requireMessagingPage(): Promise<SessionUser> {
  const user = await requireStaffPage();
  if (!user.messagingAccess) redirect(homePath(user.role, false));
  return user;
}

export async function requireAdminPage(): Promise<SessionUser> {
  const user = await requireStaffPage();
  if (user.role !== "ADMIN") redirect("/inbox");
  return user;
}

export async function requireTeammatePage(): Promise<SessionUser> {
  const user = await requirePageUser();
  if (isStaff(user.role)) redirect(homePath(user.role));
  return user;
}

/** Renders the not-found page when a domain lookup says "not found" (another organisation's record included). */
export async function orNotFound<T>(lookup: Promise<T>): Promise<T> {
  try {
    return await lookup;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
