/**
 * Drains the email outbox through SMTP (nodemailer, SMTP_URL). Each message is
 * claimed with FOR UPDATE SKIP LOCKED so several processes can drain at once;
 * failures back off exponentially and give up after a bounded number of tries.
 */
import { and, asc, eq, lte } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Db } from '../db/database.js';
import { emailOutbox } from '../db/schema/notifications.js';
import type { Logger } from '../observability/logger.js';

export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string; html?: string; headers?: Record<string, string> }): Promise<unknown>;
}

export const MAX_EMAIL_ATTEMPTS = 8;
export const DEFAULT_FROM = 'NudgeCampaign Integrations <integrations@nudgecampaign.test>';

export function smtpTransport(smtpUrl: string): MailTransport {
  return nodemailer.createTransport(smtpUrl);
}

export async function drainOutbox(db: Db, transport: MailTransport, options: { now: Date; batch?: number; from?: string; logger?: Logger }): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < (options.batch ?? 50); i++) {
    const outcome = await db.transaction(async (tx) => {
      const [mail] = await tx
        .select()
        .from(emailOutbox)
        .where(and(eq(emailOutbox.status, 'pending'), lte(emailOutbox.nextAttemptAt, options.now)))
        .orderBy(asc(emailOutbox.nextAttemptAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!mail) return 'empty' as const;
      try {
        await transport.sendMail({
          from: options.from ?? DEFAULT_FROM,
          to: mail.toAddress,
          subject: mail.subject,
          text: mail.textBody,
          ...(mail.htmlBody ? { html: mail.htmlBody } : {}),
          headers: { 'X-Nudge-Message-Id': mail.id },
        });
        await tx.update(emailOutbox).set({ status: 'sent', sentAt: options.now, attempts: mail.attempts + 1, lastError: null }).where(eq(emailOutbox.id, mail.id));
        return 'sent' as const;
      } catch (err) {
        const attempts = mail.attempts + 1;
        const delayMs = Math.min(3_600_000, 30_000 * 2 ** (attempts - 1));
        await tx
          .update(emailOutbox)
          .set({
            attempts,
            lastError: (err as Error).message.slice(0, 500),
            status: attempts >= MAX_EMAIL_ATTEMPTS ? 'failed' : 'pending',
            nextAttemptAt: new Date(options.now.getTime() + delayMs),
          })
          .where(eq(emailOutbox.id, mail.id));
        options.logger?.warn({ mailId: mail.id, attempts, err }, 'email delivery failed');
        return 'failed' as const;
      }
    });
    if (outcome === 'empty') break;
    if (outcome === 'sent') sent += 1;
    else failed += 1;
  }
  return { sent, failed };
}
