import type { OutboxRow } from '../modules/mail/outbox.repository.ts';

/** `tandem outbox`: the emails kept because no SMTP server is configured (or delivery failed). */
export function formatOutbox(rows: OutboxRow[]): string {
  if (rows.length === 0) return 'The outbox is empty.';
  return rows
    .map((row) =>
      [`--- ${row.created_at}  to ${row.to_address}${row.error ? `  (SMTP failed: ${row.error})` : ''}`, `Subject: ${row.subject}`, '', row.text.trimEnd()].join('\n'),
    )
    .join('\n\n');
}
