import "server-only";
import { db, writeTx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/sql";
import { ForbiddenError, NotFoundError, UserError } from "@/lib/errors";
import { requireStaff } from "@/lib/auth/authorize";
import type { SessionUser } from "@/lib/auth/roles";
import { audit } from "@/lib/audit/record";
import type { z } from "zod";
import type { inviteSchema } from "./schemas";
import { sendPasswordLink } from "./passwords";

// No password can match this: the person sets theirs from the invitation's link.
export const NO_PASSWORD_YET = "invited";

/**
 * Invites a person by e-mail: their account (for a teammate, with a profile and their
 * inbox thread), then an e-mail with a link to set a password. Admins invite anyone;
 * managers invite teammates.
 */
export async function invitePerson(
  actor: SessionUser,
  input: Omit<z.infer<typeof inviteSchema>, "departmentId"> & { departmentId?: string },
): Promise<{ userId: string }> {
  requireStaff(actor);
  if (input.role !== "TEAMMATE" && actor.role !== "ADMIN") throw new ForbiddenError("errors.adminOnly");
  let userId: string;
  try {
    userId = await writeTx(async (tx) => {
      if (input.departmentId) {
        const d = await tx.department.findFirst({
          where: { id: input.departmentId, organizationId: actor.organizationId, archivedAt: null },
          select: { id: true },
        });
        if (!d) throw new NotFoundError("errors.notFound.item");
      }
      const user = await tx.user.create({
        data: {
          organizationId: actor.organizationId,
          email: input.email,
          firstName: input.firstName,
          lastName: input.lastName,
          role: input.role,
          locale: input.locale,
          passwordHash: NO_PASSWORD_YET,
          ...(input.role === "TEAMMATE"
            ? {
                profile: { create: { organizationId: actor.organizationId, departmentId: input.departmentId ?? null } },
              }
            : {}),
        },
        select: { id: true },
      });
      if (input.role === "TEAMMATE")
        await tx.conversation.create({
          data: {
            organizationId: actor.organizationId,
            kind: "INBOX",
            teammateId: user.id,
            members: { create: { userId: user.id } },
          },
        });
      await audit(tx, actor, "user.invited", { type: "User", id: user.id }, { role: input.role });
      return user.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      // Said plainly for someone of this organisation; never that another organisation has the address.
      const ours = await db.user.count({ where: { email: input.email, organizationId: actor.organizationId } });
      throw new UserError(ours ? "errors.person.emailTaken" : "errors.person.emailUnavailable", undefined, "email");
    }
    throw error;
  }
  await sendPasswordLink(userId, "invite", { name: `${actor.firstName} ${actor.lastName}`, id: actor.id });
  return { userId };
}
