/** Mail to a sponsor's members when organisers approve or send back their profile (bilingual, as outbox items). */
import { randomUUID } from 'node:crypto';
import { outboxItem } from '../mail/outbox.ts';
import type { StoredSponsor } from './keys.ts';
import type { Member } from './schemas.ts';

export type ProfileMail = 'approved' | 'returned';

/** Mail outlives nothing: an unsent mail is dropped by TTL after a week. */
const OUTBOX_LIFETIME_SECONDS = 7 * 24 * 3600;

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function content(sponsor: StoredSponsor, kind: ProfileMail, siteUrl: string) {
  const portal = `${siteUrl}/portal/`;
  const portalFr = `${siteUrl}/fr/portal/`;
  if (kind === 'approved') {
    return {
      subject: `Published: ${sponsor.name}'s exhibition profile / Publié : le profil d'exposant de ${sponsor.name}`,
      lines: [
        `The organisers approved the changes to ${sponsor.name}'s exhibition profile; the site shows them shortly.`,
        `Sponsor portal: ${portal}`,
        '',
        `Les organisateurs ont approuvé les modifications du profil d'exposant de ${sponsor.name} ; le site les affichera sous peu.`,
        `Espace exposants : ${portalFr}`,
      ],
    };
  }
  return {
    subject: `Changes requested: ${sponsor.name}'s exhibition profile / Modifications demandées : ${sponsor.name}`,
    lines: [
      `The organisers ask for changes to ${sponsor.name}'s exhibition profile before it is published:`,
      '',
      sponsor.comment ?? '',
      '',
      `Edit and submit it again at ${portal}. The version on the site stays as it is meanwhile.`,
      '',
      `Les organisateurs demandent des modifications du profil d'exposant de ${sponsor.name} avant publication (voir le commentaire ci-dessus).`,
      `Modifiez-le et soumettez-le de nouveau sur ${portalFr}. La version en ligne reste inchangée entre-temps.`,
    ],
  };
}

/** One outbox item per member. */
export function profileMails(
  members: Member[],
  sponsor: StoredSponsor,
  kind: ProfileMail,
  siteUrl: string,
  now: Date,
): Record<string, unknown>[] {
  const { subject, lines } = content(sponsor, kind, siteUrl);
  const text = lines.join('\n');
  const html = lines
    .filter((line) => line !== '')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
  const expiresAt = Math.floor(now.getTime() / 1000) + OUTBOX_LIFETIME_SECONDS;
  return members.map((member) =>
    outboxItem({ id: randomUUID(), to: member.email, language: 'en', subject, text, html }, expiresAt),
  );
}
