/** Inviting a member: the account, the membership and the invitation mail. */
import { randomUUID } from 'node:crypto';
import { NotFoundError } from '../core/errors.ts';
import { outboxItem } from '../mail/outbox.ts';
import type { Directory } from './directory.ts';
import type { Member } from './schemas.ts';
import type { SponsorsStore } from './store.ts';

export type InviteDeps = { store: SponsorsStore; directory: Directory; siteUrl: string; now: () => Date };

/** Mail outlives nothing: an unsent invitation is dropped by TTL after a week. */
const OUTBOX_LIFETIME_SECONDS = 7 * 24 * 3600;

export async function inviteMember(deps: InviteDeps, sponsorId: string, email: string): Promise<Member> {
  const sponsor = await deps.store.getSponsor(sponsorId);
  if (!sponsor) throw new NotFoundError(`No sponsor ${sponsorId}.`);
  const normalised = email.trim().toLowerCase();
  const { sub } = await deps.directory.ensureUser(normalised);
  const now = deps.now();
  const member: Member = { memberId: sub, email: normalised, invitedAt: now.toISOString() };
  const portal = `${deps.siteUrl}/portal/`;
  const mail = outboxItem(
    {
      id: randomUUID(),
      to: normalised,
      language: 'en',
      subject: `Invitation: manage ${sponsor.name}'s exhibition profile / Invitation : gérer le profil d'exposant de ${sponsor.name}`,
      text: [
        `You have been invited to manage the exhibition profile of ${sponsor.name}.`,
        `Sign in with this email address at ${portal}`,
        '',
        `Vous êtes invité(e) à gérer le profil d'exposant de ${sponsor.name}.`,
        `Connectez-vous avec cette adresse à ${deps.siteUrl}/fr/portal/`,
      ].join('\n'),
      html: `<p>You have been invited to manage the exhibition profile of <strong>${escapeHtml(sponsor.name)}</strong>. <a href="${portal}">Sign in to the sponsor portal</a> with this email address.</p><p lang="fr">Vous êtes invité(e) à gérer le profil d'exposant de <strong>${escapeHtml(sponsor.name)}</strong>. <a href="${deps.siteUrl}/fr/portal/">Connectez-vous à l'espace exposants</a> avec cette adresse.</p>`,
    },
    Math.floor(now.getTime() / 1000) + OUTBOX_LIFETIME_SECONDS,
  );
  await deps.store.addMember(sponsorId, member, mail);
  return member;
}

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
