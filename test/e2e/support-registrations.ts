/** Registering people through the public API and opening their mailed link, for e2e tests. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { baseUrl } from './browser.ts';

export type Mail = { to: string; subject: string; text: string; html?: string };

export const mails = async () => (await (await fetch(`${baseUrl}/_local/mail.json`)).json()) as Mail[];

/** The newest mail to `email` whose subject matches, once it has arrived. */
export async function mailTo(email: string, subject: RegExp): Promise<Mail> {
  await expect
    .poll(async () => (await mails()).some((m) => m.to === email && subject.test(m.subject)), { timeout: 15_000 })
    .toBe(true);
  return (await mails()).find((m) => m.to === email && subject.test(m.subject))!;
}

/** The id and secret of the newest manage link mailed to `email`. */
export async function manageToken(email: string): Promise<{ id: string; secret: string }> {
  const find = async () =>
    (await mails())
      .filter((m) => m.to === email)
      .map((m) => /#token=([^.\s]+)\.([A-Za-z0-9_-]{43})/.exec(m.text))
      .find(Boolean);
  await expect.poll(find, { timeout: 15_000 }).toBeTruthy();
  const match = (await find())!;
  return { id: match[1]!, secret: match[2]! };
}

/** Registers someone through the API and verifies their address the way the mailed link does. */
export async function registerVerified(
  email: string,
  categoryId: string,
  first: string,
  extra: { country?: string; client?: string; lastName?: string } = {},
) {
  const response = await fetch(`${baseUrl}/api/events/citce-2027/registrations`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': `e2e-${email.replace(/[^A-Za-z0-9]/g, '-')}`,
      'x-forwarded-for': extra.client ?? '198.51.100.7',
    },
    body: JSON.stringify({
      categoryId,
      firstName: first,
      lastName: extra.lastName ?? 'Delegate',
      email,
      organisation: 'Kenya Revenue Authority',
      country: extra.country ?? 'KE',
      consent: { privacy: true },
    }),
  });
  expect(response.status).toBe(201);
  const { id, secret } = await manageToken(email);
  const auth = { authorization: `Bearer ${secret}` };
  await fetch(`${baseUrl}/api/registrations/${id}/verify`, { method: 'POST', headers: auth });
  return (await (await fetch(`${baseUrl}/api/registrations/${id}`, { headers: auth })).json()) as {
    id: string;
    status: string;
    checkInCode: string;
  };
}

/** The bearer token of a signed-in page (for API calls a test makes as that person). */
export const bearerOf = (page: Page) =>
  page.evaluate(
    () => (JSON.parse(sessionStorage.getItem('conference:tokens')!) as { accessToken: string }).accessToken,
  );
