/** The agenda editor's dialogs: create and edit forms, the stale-version choice, publishing. */
import type { AgendaStrings } from '../../i18n/agenda.en.ts';
import { fill } from '../../i18n/format.ts';
import type { AgendaDraft, AgendaWarning, Changelog } from '../../lib/api-types.ts';
import { el, type Say } from '../dom.ts';
import type { AgendaApi, Kind, Problem } from './editor-api.ts';
import {
  differences,
  display,
  type Entity,
  FIELDS,
  type FieldSpec,
  toBody,
  toValues,
  type Values,
} from './editor-fields.ts';
import { formatRange, zoneName } from './time.ts';

export type EditorContext = {
  lang: string;
  text: AgendaStrings['editor'];
  types: AgendaStrings['types'];
  languages: AgendaStrings['languages'];
  api: AgendaApi;
  draft: () => AgendaDraft;
  say: Say;
  /** Reloads the draft and redraws; focuses the session `focusId` when given. */
  reload: (focusId?: string) => Promise<void>;
};

/** The dialog's title for a new one: what its button said ("New session"). */
const newLabel = (ctx: EditorContext, kind: Kind) =>
  ({
    sessions: ctx.text.addSession,
    rooms: ctx.text.addRoom,
    tracks: ctx.text.addTrack,
    speakers: ctx.text.addSpeaker,
  })[kind];

export const nameOf = (ctx: EditorContext, kind: Kind, entity: Entity): string => {
  const e = entity as { title?: { en: string; fr?: string }; name?: string | { en: string; fr?: string } };
  const text = kind === 'sessions' ? e.title : e.name;
  if (typeof text === 'string') return text;
  return (ctx.lang === 'fr' ? text?.fr : undefined) ?? text?.en ?? '';
};

/** A modal dialog appended to the page, removed when closed; focus returns where it was. */
export function modal(title: string, ...content: Node[]): HTMLDialogElement {
  const opener = document.activeElement as HTMLElement | null;
  const id = `dialog-${crypto.randomUUID().slice(0, 8)}`;
  const dialog = el('dialog', { class: 'agenda-dialog', 'aria-labelledby': id }, el('h2', { id }, title), ...content);
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (opener?.isConnected) opener.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}

function control(ctx: EditorContext, spec: FieldSpec, value: string): HTMLElement {
  const d = ctx.draft();
  const option = (v: string, label: string) => {
    const o = el('option', { value: v }, label);
    o.selected = v === value;
    return o;
  };
  switch (spec.type) {
    case 'textarea': {
      const t = el('textarea', { rows: '3' });
      t.value = value;
      return t;
    }
    case 'type':
      return el('select', {}, ...Object.entries(ctx.types).map(([v, label]) => option(v, label)));
    case 'room':
      return el('select', {}, ...d.rooms.map((r) => option(r.id, display('room_', r.id, d, ctx.lang))));
    case 'track':
      return el(
        'select',
        {},
        option('', ctx.text.form.noTrack),
        ...d.tracks.map((t) => option(t.id, display('track_', t.id, d, ctx.lang))),
      );
    case 'language':
      return el(
        'select',
        {},
        option('', ctx.text.form.noLanguage),
        ...Object.entries(ctx.languages).map(([v, l]) => option(v, l)),
      );
    case 'speakers': {
      const chosen = new Set(value.split(',').filter(Boolean));
      const s = el('select', { multiple: '', size: String(Math.min(8, Math.max(3, d.speakers.length))) });
      for (const sp of d.speakers) {
        const o = el('option', { value: sp.id }, sp.name);
        o.selected = chosen.has(sp.id);
        s.append(o);
      }
      return s;
    }
    default: {
      const type = { text: 'text', number: 'number', color: 'color', datetime: 'datetime-local' }[spec.type];
      const input = el('input', { type, ...(spec.type === 'number' ? { min: '1', step: '1' } : {}) });
      input.value = spec.type === 'color' && !value ? '#0b4f8a' : value;
      return input;
    }
  }
}

function readValue(node: HTMLElement): string {
  if (node instanceof HTMLSelectElement && node.multiple)
    return [...node.selectedOptions].map((o) => o.value).join(',');
  return (node as HTMLInputElement).value;
}

const labelOf = (ctx: EditorContext, name: string) => {
  const zone = zoneName(ctx.draft().timeZone, ctx.lang, ctx.draft().sessions[0]?.start ?? new Date().toISOString());
  return fill((ctx.text.form as Record<string, string>)[name] ?? name, { zone });
};

/** The problem's field errors as one sentence, with the form's labels where the path names a field. */
function problemText(ctx: EditorContext, problem: Problem): string {
  if (!problem.errors?.length) return problem.detail ?? ctx.text.failed;
  return fill(ctx.text.form.errors, {
    list: problem.errors.map((e) => `${e.path || '—'}: ${e.message}`).join('; '),
  });
}

/** The create or edit form of a room, track, speaker or session. */
export function openForm(ctx: EditorContext, kind: Kind, entity?: Entity, preset: Values = {}) {
  const zone = ctx.draft().timeZone;
  const values = { ...toValues(kind, entity, zone), ...preset };
  const prefix = `f-${kind}`;
  const controls = new Map<string, HTMLElement>();
  const error = el('p', { class: 'error', role: 'alert' });
  const rows = FIELDS[kind].map((spec) => {
    const c = control(ctx, spec, values[spec.name] ?? '');
    c.id = `${prefix}-${spec.name}`;
    if (spec.required) c.setAttribute('required', '');
    controls.set(spec.name, c);
    const hint =
      spec.type === 'speakers' ? [el('p', { class: 'hint', id: `${c.id}-hint` }, ctx.text.form.speakersHint)] : [];
    if (hint.length) c.setAttribute('aria-describedby', `${c.id}-hint`);
    const label = `${labelOf(ctx, spec.name)}${spec.required ? ' *' : ''}`;
    return el('div', {}, el('label', { for: c.id }, label), ...hint, c);
  });
  const save = el('button', { type: 'submit', class: 'primary' }, ctx.text.save);
  const cancel = el('button', { type: 'button', class: 'button--secondary' }, ctx.text.cancel);
  // The message above the fields, where it shows without scrolling the dialog.
  const note = el('p', { class: 'hint' }, ctx.text.form.requiredNote);
  const form = el('form', { novalidate: '' }, note, error, ...rows, el('div', {}, save, cancel));
  const title = entity ? fill(ctx.text.editNamed, { name: nameOf(ctx, kind, entity) }) : newLabel(ctx, kind);
  const dialog = modal(title, form);
  cancel.addEventListener('click', () => dialog.close());
  // A correction takes the field's mark and the message away; the next save checks again.
  form.addEventListener('input', (event) => {
    if (!(event.target instanceof Element) || !event.target.hasAttribute('aria-invalid')) return;
    event.target.removeAttribute('aria-invalid');
    if (!form.querySelector('[aria-invalid]')) error.textContent = '';
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const current: Values = {};
    for (const [name, c] of controls) current[name] = readValue(c);
    const missing = FIELDS[kind].filter((f) => f.required && !current[f.name]?.trim());
    for (const [name, c] of controls) {
      if (missing.some((f) => f.name === name)) c.setAttribute('aria-invalid', 'true');
      else c.removeAttribute('aria-invalid');
    }
    if (missing.length) {
      error.textContent = fill(ctx.text.form.errors, { list: missing.map((f) => labelOf(ctx, f.name)).join(', ') });
      controls.get(missing[0]?.name ?? '')?.focus();
      return;
    }
    save.disabled = true;
    void submit(ctx, kind, entity, current, () => dialog.close()).then((problem) => {
      save.disabled = false;
      if (problem) error.textContent = problemText(ctx, problem);
    });
  });
}

/** Saves form values; answers the problem to show in the form, or nothing when done. */
async function submit(
  ctx: EditorContext,
  kind: Kind,
  entity: Entity | undefined,
  values: Values,
  close: () => void,
): Promise<Problem | undefined> {
  const zone = ctx.draft().timeZone;
  const result = await ctx.api.write<Entity>(kind, entity?.id, toBody(kind, values, zone), entity?.version);
  // The form closes before the editor redraws, so focus can land on the saved session.
  if (result.ok) {
    close();
    const name = nameOf(ctx, kind, result.entity);
    // Said once the editor shows it, so nothing redraws under the next key press.
    await ctx.reload(kind === 'sessions' ? result.entity.id : undefined);
    ctx.say(fill(entity ? ctx.text.saved : ctx.text.created, { title: name }));
    return undefined;
  }
  if (result.stale && entity) {
    close();
    await staleChoice(ctx, kind, entity, values);
    return undefined;
  }
  return result.stale ? { status: 412 } : result.problem;
}

/**
 * Another organiser saved first (412): show their version beside this one, field by field,
 * and let the organiser keep theirs (sent again over the new version) or take the server's.
 */
export async function staleChoice(ctx: EditorContext, kind: Kind, mine: Entity, mineValues: Values): Promise<void> {
  await ctx.reload();
  const draft = ctx.draft();
  const zone = draft.timeZone;
  const list = draft[kind] as Entity[];
  const theirs = list.find((x) => x.id === mine.id);
  const name = nameOf(ctx, kind, mine);
  if (!theirs) {
    ctx.say(fill(ctx.text.stale.gone, { name }), true);
    return;
  }
  const theirValues = toValues(kind, theirs, zone);
  const changed = differences(kind, mineValues, theirValues);
  const names = changed.length ? changed : FIELDS[kind].map((f) => f.name);
  const table = el(
    'table',
    {},
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, ctx.text.stale.field),
        el('th', { scope: 'col' }, ctx.text.stale.yours),
        el('th', { scope: 'col' }, fill(ctx.text.stale.theirs, { version: theirs.version })),
      ),
    ),
    el(
      'tbody',
      {},
      ...names.map((field) =>
        el(
          'tr',
          { class: changed.includes(field) ? 'differs' : '' },
          el('th', { scope: 'row' }, labelOf(ctx, field)),
          el('td', {}, display(field, mineValues[field] ?? '', draft, ctx.lang)),
          el('td', {}, display(field, theirValues[field] ?? '', draft, ctx.lang)),
        ),
      ),
    ),
  );
  const keep = el('button', { type: 'button', class: 'primary' }, ctx.text.stale.keepMine);
  const take = el('button', { type: 'button', class: 'button--secondary' }, ctx.text.stale.takeTheirs);
  const dialog = modal(
    ctx.text.stale.title,
    el('p', {}, fill(ctx.text.stale.lead, { name })),
    table,
    el('div', {}, keep, take),
  );
  const focusId = kind === 'sessions' ? mine.id : undefined;
  take.addEventListener('click', () => {
    dialog.close();
    ctx.say(fill(ctx.text.stale.tookTheirs, { name }));
    void ctx.reload(focusId);
  });
  keep.addEventListener('click', () => {
    keep.disabled = true;
    void ctx.api.write<Entity>(kind, mine.id, toBody(kind, mineValues, zone), theirs.version).then(async (result) => {
      dialog.close();
      if (result.ok) {
        ctx.say(fill(ctx.text.stale.keptMine, { name }));
        await ctx.reload(focusId);
      } else if (result.stale) await staleChoice(ctx, kind, mine, mineValues);
      else ctx.say(problemText(ctx, result.problem), true);
    });
  });
}

export function warningText(ctx: EditorContext, w: AgendaWarning): string {
  const d = ctx.draft();
  const sessions = w.sessionIds
    .map((id) => {
      const s = d.sessions.find((x) => x.id === id);
      return s ? `${nameOf(ctx, 'sessions', s)} (${formatRange(s.start, s.end, ctx.lang, d.timeZone)})` : id;
    })
    .join(', ');
  return fill(ctx.text.warning[w.kind], {
    sessions,
    room: w.roomId ? display('room_', w.roomId, d, ctx.lang) : '',
    speaker: d.speakers.find((s) => s.id === w.speakerId)?.name ?? w.speakerId ?? '',
  });
}

const blocking = (warnings: AgendaWarning[]) => warnings.filter((w) => w.kind !== 'outside-event');

/** Publishing: first the changelog and any blocking overlaps, then the organiser confirms. */
export async function openPublish(ctx: EditorContext) {
  await ctx.reload();
  const d = ctx.draft();
  const p = ctx.text.publish;
  const next = (d.publishedVersion ?? 0) + 1;
  const roomName = (id: string) => display('room_', id, d, ctx.lang);
  const slot = (s?: { start: string; end: string; roomId: string }) =>
    s ? `${formatRange(s.start, s.end, ctx.lang, d.timeZone)} ${roomName(s.roomId)}` : '';
  const title = (e: { title: { en: string; fr?: string } }) =>
    (ctx.lang === 'fr' ? e.title.fr : undefined) ?? e.title.en;
  const groups = (['added', 'moved', 'changed', 'cancelled'] as const satisfies readonly (keyof Changelog)[])
    .filter((k) => d.changes[k].length > 0)
    .map((k) =>
      el(
        'section',
        {},
        el('h3', {}, `${p[k]} (${d.changes[k].length})`),
        el(
          'ul',
          {},
          ...d.changes[k].map((c) =>
            el(
              'li',
              {},
              k === 'moved'
                ? fill(p.movedDetail, { title: title(c), from: slot(c.from), to: slot(c.to) })
                : k === 'changed'
                  ? fill(p.changedDetail, { title: title(c), fields: (c.fields ?? []).join(', ') })
                  : title(c),
            ),
          ),
        ),
      ),
    );
  const overlaps = blocking(d.warnings);
  const confirm = el('button', { type: 'button', class: 'primary' }, fill(p.confirm, { version: next }));
  const cancel = el('button', { type: 'button', class: 'button--secondary' }, ctx.text.cancel);
  const outcome = el('p', { role: 'alert' });
  const conflictList = (list: AgendaWarning[]) =>
    el(
      'div',
      {},
      el('p', { class: 'error' }, p.blocking),
      el('ul', {}, ...list.map((w) => el('li', {}, warningText(ctx, w)))),
    );
  const body: Node[] = [
    el('p', {}, d.publishedVersion ? fill(p.lead, { version: next }) : `${fill(p.lead, { version: next })} ${p.first}`),
    ...(groups.length ? groups : [el('p', {}, p.nothing)]),
    ...(overlaps.length ? [conflictList(overlaps)] : []),
    outcome,
    el('div', {}, confirm, cancel),
  ];
  confirm.disabled = overlaps.length > 0;
  const dialog = modal(p.title, ...body);
  cancel.addEventListener('click', () => dialog.close());
  confirm.addEventListener('click', () => {
    confirm.disabled = true;
    void ctx.api.publish().then(async (result) => {
      if (result.ok) {
        dialog.close();
        await ctx.reload();
        ctx.say(fill(p.done, { version: result.version }));
        return;
      }
      if (result.problem.status === 409) {
        // Someone made an overlap meanwhile: show the overlaps as they are now.
        await ctx.reload();
        outcome.replaceWith(conflictList(blocking(ctx.draft().warnings)));
        ctx.say(p.refused, true);
      } else outcome.textContent = result.problem.detail ?? ctx.text.failed;
    });
  });
}
