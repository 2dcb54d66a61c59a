/**
 * Manage links. Only a hash of each token is stored, so a mail sent later cannot repeat an
 * earlier link: every mail that carries one mints a fresh token and adds its hash to the
 * registration in the same transaction as the mail (earlier links keep working). The list
 * is bounded: links mailed on request (resend, duplicate sign-up) keep the newest
 * MAX_EXTRA_LINKS; status changes add at most a handful over a registration's life.
 * Chosen over a keyed HMAC of the id: no secret to keep, rotate or leak, and a link can
 * be revoked by removing its hash.
 */
import { randomBytes } from 'node:crypto';
import type { Language } from '../core/schemas.ts';
import { manageUrl } from './mails.ts';
import { hashToken } from './views.ts';

export const MAX_EXTRA_LINKS = 20;

export const newToken = () => randomBytes(32).toString('base64url');

/** A fresh manage link for a registration, and the hash to store with the mail that carries it. */
export function mintLink(siteUrl: string, reg: { id: string; preferredLanguage: Language }) {
  const token = newToken();
  return { url: manageUrl(siteUrl, reg.preferredLanguage, reg.id, token), hash: hashToken(token) };
}
