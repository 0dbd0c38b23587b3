import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type CapturedMail = { to: string[]; raw: string; subject: string; text: string };

const decodeQ = (text: string) => text.replace(/=([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** Decodes RFC 2047 encoded words (=?UTF-8?B|Q?...?=) in a header. */
function decodeHeader(value: string): string {
  return value.replace(/\r?\n\s+/g, ' ').replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, kind: string, text: string) =>
    kind.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : Buffer.from(decodeQ(text.replace(/_/g, ' ')), 'latin1').toString('utf8'),
  );
}

/** The decoded text of a simple single-part message. */
function bodyOf(raw: string): string {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) return Buffer.from(decodeQ(body.replace(/=\r?\n/g, '')), 'latin1').toString('utf8');
  if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body, 'base64').toString('utf8');
  return body;
}

/** A real SMTP server in this process that keeps every message it receives, decoded. */
export async function startSmtpCapture(): Promise<{ url: string; mails: CapturedMail[]; close(): Promise<void> }> {
  const mails: CapturedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const parts: Buffer[] = [];
      stream.on('data', (c: Buffer) => parts.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(parts).toString('utf8');
        const subject = decodeHeader(/^Subject: (.*(?:\r?\n\s+.*)*)/im.exec(raw)?.[1] ?? '');
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, subject, text: bodyOf(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
