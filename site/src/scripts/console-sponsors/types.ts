/** What the console's sponsor page receives from its component, and what its panels share. */
import type { SponsorStrings } from '../../i18n/sponsors.en.ts';
import type { UiStrings } from '../../i18n/types.ts';
import type { Language } from '../../lib/api-types.ts';

export type ConsoleSponsorsConfig = {
  lang: Language;
  eventId: string;
  home: string;
  console: string;
  portal: string;
  text: SponsorStrings['console'];
  workspace: UiStrings['workspace'];
};

export type PanelContext = ConsoleSponsorsConfig & {
  /** Redraws the panels that list sponsors (after a create, an approval, …). */
  changed(): void;
};
