import nodemailer from 'nodemailer';
import type { Config } from '../../config.ts';
import { newId, nowIso } from '../../lib/ids.ts';
import type { OutboxRepository } from './outbox.repository.ts';

export type MailMessage = { to: string; subject: string; text: string; html?: string };

/**
 * Sends email through SMTP when SMTP_URL is set; otherwise keeps it in the `outbox` table
 * (`tandem outbox` shows it), so an instance without mail still loses nothing. A failed SMTP
 * delivery is also kept in the outbox, with the error.
 */
export function createMailer(deps: { config: Pick<Config, 'smtpUrl' | 'mailFrom'>; outbox: OutboxRepository; log?: (message: string, error?: unknown) => void }) {
  const { config, outbox } = deps;
  const transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : undefined;
  const pending = new Set<Promise<void>>();

  async function keep(message: MailMessage, error: string | null): Promise<void> {
    await outbox.insert({
      id: newId(),
      to_address: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html ?? null,
      error,
      created_at: nowIso(),
    });
  }

  async function deliver(message: MailMessage): Promise<void> {
    if (!transport) return keep(message, null);
    try {
      await transport.sendMail({ from: config.mailFrom, to: message.to, subject: message.subject, text: message.text, ...(message.html ? { html: message.html } : {}) });
    } catch (error) {
      deps.log?.('email delivery failed; kept in the outbox', error);
      await keep(message, error instanceof Error ? error.message : String(error));
    }
  }

  return {
    /** Sends and waits. */
    send: deliver,
    /** Sends in the background (the request does not wait for SMTP); `idle()` awaits them all. */
    queue(message: MailMessage): void {
      const job = deliver(message)
        .catch((error: unknown) => deps.log?.('email could not be kept', error))
        .finally(() => pending.delete(job));
      pending.add(job);
    },
    async idle(): Promise<void> {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    close(): void {
      transport?.close();
    },
  };
}
export type Mailer = ReturnType<typeof createMailer>;
