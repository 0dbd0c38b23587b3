import { describe, expect, it } from 'vitest';
import { isOfflineApiPath, isSignOutPath, isUploadPath } from './offline-constants.ts';

describe('what the service worker may answer from the offline cache', () => {
  it('is a student’s pre-work and what its pages need, never anything else under /api', () => {
    for (const path of ['/api/me', '/api/me/work', '/api/lessons/l1', '/api/lessons/l1/live', '/api/courses/c1', '/api/activities/a1', '/api/activities/a1/questions', '/api/activities/a1/posts']) {
      expect(isOfflineApiPath(path), path).toBe(true);
    }
    for (const path of ['/api/activities/a1/responses', '/api/activities/a1/response', '/api/courses/c1/roster', '/api/courses', '/api/me/notifications', '/api/me/calendar', '/api/lessons/l1/readiness', '/api/auth/login']) {
      expect(isOfflineApiPath(path), path).toBe(false);
    }
  });

  it('knows uploaded files and sign-outs', () => {
    expect(isUploadPath('/api/uploads/u1/leaf.png')).toBe(true);
    expect(isUploadPath('/api/uploads/u1')).toBe(false);
    expect(isSignOutPath('/api/auth/logout')).toBe(true);
    expect(isSignOutPath('/api/auth/logout-everywhere')).toBe(true);
    expect(isSignOutPath('/api/auth/login')).toBe(false);
  });
});
