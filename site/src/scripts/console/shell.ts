/**
 * The console's shell, shared by every console page: sign-in state, the console navigation
 * for the person's role, and the page's task, loaded as a chunk of its own.
 */
import type { ConsoleStrings } from '../../i18n/console.en.ts';
import type { DesignStrings } from '../../i18n/design.en.ts';
import { fill } from '../../i18n/format.ts';
import type { UiStrings } from '../../i18n/types.ts';
import type { Language, Me } from '../../lib/api-types.ts';
import { byId, dataJson, el, type Say, statusMessage } from '../dom.ts';
import { signOutButton, whenSignedIn } from '../signed-in.ts';

import { type ConsoleTask, revealConsoleNav } from './nav.ts';

export type { ConsoleTask };

/** What ConsolePage.astro renders into data-config. */
export type ConsoleConfig = {
  task: ConsoleTask;
  lang: Language;
  eventId: string;
  timeZone: string;
  eventName: string;
  home: string;
  portal: string;
  /** The registered sign-in callback (/console/ or /fr/console/). */
  callback: string;
  desk: string;
  text: ConsoleStrings;
  status: DesignStrings['status'];
  payment: DesignStrings['payment'];
  state: DesignStrings['state'];
  /** The sponsor-member texts (dashboard only, until the sponsors console takes invitations over). */
  workspace?: UiStrings['workspace'];
  /** [code, name] in the page's language, sorted (registrations page only). */
  countries: [string, string][];
};

/** What a task's module gets. */
export type ConsoleContext = ConsoleConfig & { me: Me; body: HTMLElement; say: Say };

const tasks: Partial<Record<ConsoleTask, () => Promise<{ default: (context: ConsoleContext) => Promise<void> }>>> = {
  dashboard: () => import('./dashboard.ts'),
  registrations: () => import('./registrations.ts'),
  categories: () => import('./categories.ts'),
  'check-in': () => import('./desk.ts'),
};

/** A problem's detail (or its status) as one line for the status bar. */
export async function problem(response: Response, text: ConsoleStrings): Promise<string> {
  const body = (await response.json().catch(() => ({}))) as { detail?: string; title?: string };
  return fill(text.shell.error, { status: response.status, detail: body.detail ?? body.title ?? '' });
}

export async function startConsole() {
  const root = byId('console');
  const config = dataJson<ConsoleConfig>(root, 'config');
  const text = config.text.shell;
  const user = byId('console-user');
  const signInArea = byId('console-signin');
  const body = byId('console-body');
  const say = statusMessage(byId('console-status'));

  await whenSignedIn({
    text,
    say,
    callback: config.callback,
    showSignIn: (button) => signInArea.append(el('p', {}, button)),
    // Signed in from another console page: back to it.
    returnTo: (path) => {
      if (!path || path === location.pathname) return false;
      location.replace(path);
      return true;
    },
    run: async (me: Me) => {
      const organiser = me.roles.includes('organiser');
      const staff = me.roles.length > 0;
      // Each person lands where their work is.
      if (!staff && me.sponsorIds.length > 0) return location.replace(config.portal);
      // Check-in staff see the desk only, and go there before anything here is drawn.
      if (staff && !organiser && config.task !== 'check-in') return location.replace(config.desk);
      signInArea.hidden = true;
      const roles = staff ? fill(text.rolesSuffix, { roles: me.roles.map((r) => text.roles[r]).join(', ') }) : '';
      user.replaceChildren(
        el('p', { id: 'signed-in-as' }, fill(text.signedInAs, { who: me.email ?? me.sub }) + roles),
        signOutButton(text.signOut, config.home, { class: 'button--secondary button--small' }),
      );
      if (!staff) return say(text.noAccess, true);
      revealConsoleNav(me.roles);
      body.hidden = false;
      const load = tasks[config.task];
      if (load) await (await load()).default({ ...config, me, body, say });
    },
  });
}
