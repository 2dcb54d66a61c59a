/** The console's tasks (ConsoleNav.astro), shown once the page's island knows who is signed in. */

export const CONSOLE_TASKS = ['dashboard', 'registrations', 'categories', 'check-in', 'agenda', 'sponsors'] as const;
export type ConsoleTask = (typeof CONSOLE_TASKS)[number];
/** What check-in staff (not organisers) may open. */
export const STAFF_TASKS: readonly ConsoleTask[] = ['check-in'];

/** Shows the tasks to staff: every one to an organiser, the desk alone to check-in staff. */
export function revealConsoleNav(roles: readonly string[]) {
  if (roles.length === 0) return;
  const organiser = roles.includes('organiser');
  for (const nav of document.querySelectorAll<HTMLElement>('.console__nav')) {
    for (const item of nav.querySelectorAll<HTMLElement>('li:not([data-staff])')) item.hidden = !organiser;
    nav.hidden = false;
  }
}
