/** What the portal island receives from its page (texts of one language) and shares between panels. */
import type { SponsorStrings } from '../../i18n/sponsors.en.ts';
import type { Language } from '../../lib/api-types.ts';

export type PortalText = SponsorStrings['portal'];

export type PortalConfig = {
  lang: Language;
  eventId: string;
  text: PortalText;
  /** Names of the profile's fields, for the message when someone else saved first. */
  fields: SponsorStrings['console']['fields'];
  words: { publicContact: string; privateContact: string };
};
