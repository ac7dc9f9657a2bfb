/**
 * Tells a workspace something: an in-app notification, and an email to each
 * of its admins through the outbox. Both are idempotent on a dedupe key, so a
 * sweep that runs twice sends each reminder once.
 */
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.js';
import { users, workspaceMembers } from '../db/schema/identity.js';
import { emailOutbox, notifications } from '../db/schema/notifications.js';

export interface WorkspaceNotice {
  workspaceId: string;
  kind: string;
  title: string;
  body: string;
  link?: string;
  /** Unique per notice; reused keys are ignored. */
  dedupeKey: string;
  email?: boolean;
  now: Date;
}

/** Returns true when the notice was new. */
export async function notifyWorkspace(db: DbOrTx, notice: WorkspaceNotice): Promise<boolean> {
  const inserted = await db
    .insert(notifications)
    .values({
      workspaceId: notice.workspaceId,
      kind: notice.kind,
      title: notice.title,
      body: notice.body,
      link: notice.link ?? null,
      dedupeKey: notice.dedupeKey,
      createdAt: notice.now,
    })
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  if (inserted.length === 0) return false;
  if (notice.email !== false) {
    const admins = await db
      .select({ email: users.email })
      .from(workspaceMembers)
      .innerJoin(users, eq(users.id, workspaceMembers.userId))
      .where(and(eq(workspaceMembers.workspaceId, notice.workspaceId), eq(workspaceMembers.role, 'admin')));
    for (const admin of admins) {
      await enqueueEmail(db, {
        to: admin.email,
        subject: notice.title,
        text: `${notice.body}${notice.link ? `\n\n${notice.link}` : ''}`,
        dedupeKey: `${notice.dedupeKey}:${admin.email}`,
        now: notice.now,
      });
    }
  }
  return true;
}

export async function enqueueEmail(db: DbOrTx, mail: { to: string; subject: string; text: string; html?: string; dedupeKey: string; now: Date }): Promise<void> {
  await db
    .insert(emailOutbox)
    .values({
      toAddress: mail.to,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html ?? null,
      dedupeKey: mail.dedupeKey,
      createdAt: mail.now,
      nextAttemptAt: mail.now,
    })
    .onConflictDoNothing();
}
