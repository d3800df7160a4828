/**
 * Sends what the scan recorded. A sender claims pending rows with `for update skip locked` and marks
 * them "sending" in the same statement: two senders (two processes, two pg-boss workers) never take
 * the same row. A row is marked "sent" after the transport accepted it; a refused one goes back to
 * "pending" (three attempts, then "failed"). A crash between sending and marking leaves the row in
 * "sending": never sent twice, rather once too few (visible on the notifications page).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Mailer } from '../../infra/mailer.js';
import { pgArray, sqlOf } from '../../infra/sql.js';

const BATCH = 50;
const MAX_ATTEMPTS = 3;

export interface SendOutcome {
  sent: number;
  failed: number;
}

export async function sendPendingNotifications(em: EntityManager, mailer: Mailer, logger: Logger): Promise<SendOutcome> {
  const sql = sqlOf(em.fork());
  const outcome: SendOutcome = { sent: 0, failed: 0 };
  for (;;) {
    const claimed = await sql<{ id: string; recipient_email: string; subject: string; body: string; attempts: number }>(
      `update notification set status = 'sending', attempts = attempts + 1
        where id in (select id from notification where status = 'pending' order by created_at, id limit ${BATCH} for update skip locked)
        returning id, recipient_email, subject, body, attempts`,
    );
    if (!claimed.length) return outcome;
    const sent: string[] = [];
    let stop = false;
    for (const row of claimed) {
      if (stop) {
        // Not tried this round: back to pending, untouched.
        await sql(`update notification set status = 'pending', attempts = attempts - 1 where id = ?`, [row.id]);
        continue;
      }
      try {
        await mailer.send({ to: row.recipient_email, subject: row.subject, text: row.body });
        sent.push(row.id);
      } catch (err) {
        const status = row.attempts >= MAX_ATTEMPTS ? 'failed' : 'pending';
        await sql(`update notification set status = ?, error = ? where id = ?`, [status, String((err as Error)?.message ?? err).slice(0, 2000), row.id]);
        outcome.failed++;
        logger.warn({ err, notification: row.id }, 'envoi de courriel refusé');
        // The transport refuses: stop this round rather than loop on it (the next round retries).
        if (status === 'pending') stop = true;
      }
    }
    // One statement per batch; a crash before it leaves the rows "sending": never sent twice.
    if (sent.length) await sql(`update notification set status = 'sent', sent_at = now(), error = null where id = any(?::uuid[])`, [pgArray(sent)]);
    outcome.sent += sent.length;
    if (stop) return outcome;
  }
}
