import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";

/**
 * Ends every session of a user: tokens carry the version they were issued with and
 * getCurrentUser refuses any other. Called by sign-out; deactivation, reactivation, role and
 * password changes bump the version inside their own transactions (bumpSessionVersion).
 */
export async function endAllSessions(userId: string, action: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.updateMany({
      where: { id: userId },
      data: { sessionVersion: { increment: 1 } },
    });
    if (user.count === 0) return;
    const { provinceId } = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { provinceId: true },
    });
    await recordAudit(tx, { actorId: userId, provinceId, action, entityType: "User", entityId: userId });
  });
}

/** For a mutation's update data: ends the user's sessions along with the change. */
export const bumpSessionVersion = { sessionVersion: { increment: 1 } } as const;
