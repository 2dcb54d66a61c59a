import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { siteSourceExcludes } from '../../infra/site-build.ts';

describe('the site build job sources', () => {
  it('leave out everything git ignores', () => {
    const ignored = readFileSync(new URL('../../.gitignore', import.meta.url), 'utf8')
      .split('\n')
      .map((line) => line.trim().replace(/\/$/, ''))
      .filter((line) => line !== '' && !line.startsWith('#'));
    const left = (path: string) => siteSourceExcludes.some((ex) => path === ex || path.startsWith(`${ex}/`));
    expect(ignored.filter((path) => !left(path))).toEqual([]);
  });
});
