import "server-only";
import { redirect } from "next/navigation";
import { getCurrentUser } from "./session";
import { homePath, isStaff, type SessionUser } from "./roles";

// Guards for pages and layouts: the wrong role is redirected to its own home.
// Actions and route handlers do not rely on these; they check again.

export async function requirePageUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return user;
}

export async function requireStaffPage(): Promise<SessionUser> {
  const user = await requirePageUser();
  if (!isStaff(user.role)) redirect(homePath(user.role));
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
