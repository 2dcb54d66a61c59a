/**
 * Accounts of the local OpenID provider: the seeded ones (README, "Signing in locally") and those created by
 * invitations. Only what a token carries is kept (no passwords: the local sign-in page asks
 * for an email only).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type LocalAccount = { sub: string; email: string; groups: string[] };

export const seededAccounts: LocalAccount[] = [
  { sub: '5b0d7a54-7f3e-4d8e-9c3e-0a1f0c1e0001', email: 'organiser@example.org', groups: ['organisers'] },
  { sub: '5b0d7a54-7f3e-4d8e-9c3e-0a1f0c1e0002', email: 'staff@example.org', groups: ['staff'] },
  { sub: '5b0d7a54-7f3e-4d8e-9c3e-0a1f0c1e0003', email: 'sponsor-a@example.org', groups: [] },
  { sub: '5b0d7a54-7f3e-4d8e-9c3e-0a1f0c1e0004', email: 'sponsor-b@example.org', groups: [] },
];

export class LocalAccounts {
  private readonly accounts = new Map<string, LocalAccount>();
  private readonly file: string | undefined;

  /** `file` keeps invited accounts between runs; without it they live in memory. */
  constructor(file?: string) {
    this.file = file;
    for (const account of seededAccounts) this.accounts.set(account.sub, account);
    if (file && existsSync(file)) {
      for (const account of JSON.parse(readFileSync(file, 'utf8')) as LocalAccount[])
        this.accounts.set(account.sub, account);
    }
  }

  bySub(sub: string): LocalAccount | undefined {
    return this.accounts.get(sub);
  }

  byEmail(email: string): LocalAccount | undefined {
    const wanted = email.trim().toLowerCase();
    return [...this.accounts.values()].find((a) => a.email === wanted);
  }

  all(): LocalAccount[] {
    return [...this.accounts.values()];
  }

  /** The account for an email, created when missing (an invitation). */
  ensure(email: string): LocalAccount {
    const existing = this.byEmail(email);
    if (existing) return existing;
    const account = { sub: randomUUID(), email: email.trim().toLowerCase(), groups: [] };
    this.accounts.set(account.sub, account);
    if (this.file) {
      mkdirSync(dirname(this.file), { recursive: true });
      const invited = this.all().filter((a) => !seededAccounts.some((s) => s.sub === a.sub));
      writeFileSync(this.file, JSON.stringify(invited, null, 2));
    }
    return account;
  }
}
