/**
 * The review queue: each submitted draft beside the live version, field by field. Changed
 * fields say "Changed" in words and mark removed and added lines with <del>/<ins> and a
 * hidden "removed:"/"added:" for screen readers, so nothing depends on colour alone.
 * Approve, or send back with a comment.
 */
import { fill, plural } from '../../i18n/format.ts';
import type { SponsorProfile, SponsorSummary } from '../../lib/api-types.ts';
import { type ComparableProfile, diffProfiles, type FieldDiff, type Line } from '../../lib/profile-diff.ts';
import { api } from '../../lib/session.ts';
import { el } from '../dom.ts';
import { feedback, field, json, problemText, uid } from '../portal/ui.ts';
import type { PanelContext } from './types.ts';

export async function reviewPanel(context: PanelContext): Promise<{ node: HTMLElement; refresh: () => void }> {
  const t = context.text;
  const list = el('div', { class: 'queue' });
  const say = feedback();
  // Where a keyboard user lands when the item they acted on leaves the queue: the outcome.
  say.node.tabIndex = -1;
  const refresh = async () => {
    const response = await api(`/api/events/${context.eventId}/sponsors/review`);
    if (!response.ok) return say(fill(t.failed, { detail: await problemText(response) }), true);
    const { items } = (await response.json()) as { items: SponsorSummary[] };
    const hadFocus = list.contains(document.activeElement);
    if (items.length === 0) list.replaceChildren(el('p', {}, t.queueEmpty));
    else list.replaceChildren(...(await Promise.all(items.map((item) => reviewItem(context, item, say)))));
    if (hadFocus && !list.contains(document.activeElement)) say.node.focus();
  };
  await refresh();
  return {
    refresh: () => void refresh(),
    node: el(
      'section',
      { 'aria-labelledby': 'review-heading', class: 'panel' },
      el('h2', { id: 'review-heading' }, t.reviewHeading),
      say.node,
      list,
    ),
  };
}

async function reviewItem(
  context: PanelContext,
  item: SponsorSummary,
  queueSay: (m: string, e?: boolean) => void,
): Promise<HTMLElement> {
  const t = context.text;
  const response = await api(`/api/sponsors/${item.sponsorId}/profile`);
  if (!response.ok) return el('p', { class: 'error' }, fill(t.failed, { detail: await problemText(response) }));
  const profile = (await response.json()) as SponsorProfile;
  const words = { publicContact: t.publicContact, privateContact: t.privateContact };
  const diffs = diffProfiles(profile.live as ComparableProfile | undefined, profile as ComparableProfile, words);
  const changed = diffs.filter((d) => d.changed).length;
  const headingId = uid('review');
  const when = item.submittedAt
    ? new Intl.DateTimeFormat(context.lang, { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date(item.submittedAt),
      )
    : '';

  const say = feedback();
  const approve = el('button', { type: 'button', 'aria-label': fill(t.approveFor, { name: item.name }) }, t.approve);
  const comment = el('textarea', { rows: '3' });
  const sendBack = el(
    'button',
    { type: 'button', class: 'secondary', 'aria-label': fill(t.sendBackFor, { name: item.name }) },
    t.sendBack,
  );
  const post = (action: 'approve' | 'return', init: RequestInit, done: string) =>
    api(`/api/events/${context.eventId}/sponsors/${item.sponsorId}/${action}`, { method: 'POST', ...init }).then(
      async (r) => {
        if (!r.ok) return say(fill(t.failed, { detail: await problemText(r) }), true);
        queueSay(done);
        context.changed();
      },
    );
  approve.addEventListener('click', () => {
    void post('approve', { headers: { 'if-match': `"${profile.version}"` } }, fill(t.approved, { name: item.name }));
  });
  sendBack.addEventListener('click', () => {
    if (!comment.value.trim()) {
      comment.setAttribute('aria-invalid', 'true');
      comment.focus();
      return say(t.commentRequired, true);
    }
    void post('return', json({ comment: comment.value.trim() }), fill(t.sentBack, { name: item.name }));
  });

  return el(
    'article',
    { 'aria-labelledby': headingId, class: 'review-item' },
    el('h3', { id: headingId }, item.name),
    el(
      'p',
      { class: 'meta' },
      [when && fill(t.submittedAt, { when }), plural(context.lang, t.changedCount, changed)]
        .filter(Boolean)
        .join(' · '),
    ),
    el('div', { class: 'table-scroll' }, diffTable(context, diffs)),
    el('div', { class: 'actions' }, approve),
    field(t.comment, comment),
    el('div', { class: 'actions' }, sendBack),
    say.node,
  );
}

function diffTable(context: PanelContext, diffs: FieldDiff[]): HTMLElement {
  const t = context.text;
  const cell = (lines: Line[]) =>
    el(
      'td',
      {},
      ...(lines.length === 0
        ? [el('span', { class: 'empty' }, t.empty)]
        : lines.map((line) =>
            line.mark === 'same'
              ? el('div', {}, line.text || '\u00a0')
              : el(
                  line.mark === 'removed' ? 'del' : 'ins',
                  {},
                  el('span', { class: 'mark', 'aria-hidden': 'true' }, line.mark === 'removed' ? '− ' : '+ '),
                  line.text || '\u00a0',
                ),
          )),
    );
  return el(
    'table',
    { class: 'diff' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, t.field),
        el('th', { scope: 'col' }, t.live),
        el('th', { scope: 'col' }, t.draft),
      ),
    ),
    el(
      'tbody',
      {},
      ...diffs
        .filter((d) => d.changed || d.live.length > 0)
        .map((d) =>
          el(
            'tr',
            { class: d.changed ? 'changed' : 'same' },
            el(
              'th',
              { scope: 'row' },
              t.fields[d.field],
              el('br'),
              el('span', { class: d.changed ? 'badge changed' : 'badge' }, d.changed ? t.changed : t.same),
            ),
            cell(d.live),
            cell(d.draft),
          ),
        ),
    ),
  );
}
