import { describe, expect, it } from 'vitest';
import { safeNextPath, signInPath } from './next-path.ts';

describe('safeNextPath', () => {
  it('keeps paths on this site', () => {
    expect(safeNextPath('/join/ABCD2345')).toBe('/join/ABCD2345');
    expect(safeNextPath('/courses/1?tab=x')).toBe('/courses/1?tab=x');
  });

  it('refuses anything that could leave the site', () => {
    for (const value of ['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '', null, undefined]) {
      expect(safeNextPath(value)).toBe('/');
    }
  });

  it('builds the sign-in link that comes back', () => {
    expect(signInPath('/')).toBe('/signin');
    expect(signInPath('/join/ABCD2345')).toBe('/signin?next=%2Fjoin%2FABCD2345');
  });
});
