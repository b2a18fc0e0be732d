import "server-only";
import { db } from "@/lib/db";
import { isStaff, type SessionUser } from "@/lib/auth/roles";

/** A teammate's department (null for staff, who may act in every department). */
export async function departmentOf(user: SessionUser): Promise<string | null> {
  if (isStaff(user.role)) return null;
  const p = await db.teammateProfile.findUnique({
    where: { userId: user.id },
    select: { departmentId: true, active: true },
  });
  return p?.active ? p.departmentId : null;
}
