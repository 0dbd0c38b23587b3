/**
 * What a student typed, kept on the device until the server has it: a lost connection, a
 * closed tab or a reload never loses work. One entry per user and activity, so two accounts on
 * a shared family computer never see each other's drafts.
 */

export type StoredDraft = { body: Record<string, unknown>; baseRevision: number; at: string };
export type PendingSubmit = { submissionId: string; body: Record<string, unknown> };

const PREFIX = 'tandem:';
const draftKey = (userId: string, activityId: string) => `${PREFIX}draft:${userId}:${activityId}`;
const submitKey = (userId: string, activityId: string) => `${PREFIX}submit:${userId}:${activityId}`;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function read(key: string): Record<string, unknown> | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const value: unknown = JSON.parse(raw);
    return isRecord(value) ? value : null;
  } catch {
    // Storage disabled (private mode) or a corrupt entry: behave as if there were none.
    return null;
  }
}

function write(key: string, value: unknown): boolean {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

function remove(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // Nothing to do: storage is unavailable.
  }
}

export const draftStore = {
  load(userId: string, activityId: string): StoredDraft | null {
    const value = read(draftKey(userId, activityId));
    if (!value || !isRecord(value.body) || typeof value.baseRevision !== 'number' || typeof value.at !== 'string') return null;
    return { body: value.body, baseRevision: value.baseRevision, at: value.at };
  },
  save(userId: string, activityId: string, draft: StoredDraft): boolean {
    return write(draftKey(userId, activityId), draft);
  },
  clear(userId: string, activityId: string): void {
    remove(draftKey(userId, activityId));
  },
  loadSubmit(userId: string, activityId: string): PendingSubmit | null {
    const value = read(submitKey(userId, activityId));
    if (!value || typeof value.submissionId !== 'string' || !isRecord(value.body)) return null;
    return { submissionId: value.submissionId, body: value.body };
  },
  saveSubmit(userId: string, activityId: string, pending: PendingSubmit): void {
    write(submitKey(userId, activityId), pending);
  },
  clearSubmit(userId: string, activityId: string): void {
    remove(submitKey(userId, activityId));
  },
};

/** A random id for idempotent submits; crypto.randomUUID needs https, schools may serve http. */
export function newSubmissionId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
