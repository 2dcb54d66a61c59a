/**
 * The console's agenda editor: sign-in, a grid per day (rooms × 15-minute rows) where a session
 * moves by pointer or keyboard, conflicts from the API's warnings, lists of rooms, tracks and
 * speakers, and publishing. Dialogs live in editor-forms.ts, the grid maths in grid.ts.
 */
import type { AgendaStrings } from '../../i18n/agenda.en.ts';
import { fill, localized, plural } from '../../i18n/format.ts';
import type { AgendaDraft, Language, Session } from '../../lib/api-types.ts';
import { ask } from '../ask.ts';
import { revealConsoleNav } from '../console/nav.ts';
import { dataJson, el, find, statusMessage } from '../dom.ts';
import { signOutButton, whenSignedIn } from '../signed-in.ts';
import { agendaApi, type Kind } from './editor-api.ts';
import { type Entity, sessionBody, toValues } from './editor-fields.ts';
import { type EditorContext, nameOf, openForm, openPublish, staleChoice, warningText } from './editor-forms.ts';
import { dragMove, freeSlot, layoutDay, type Move, moved, rowTime, SLOT } from './grid.ts';
import { overlap } from './overlaps.ts';
import { dayOf, formatDay, formatRange, minuteOfDay } from './time.ts';

/** What AgendaEditor.astro renders into data-config. */
export type EditorConfig = {
  lang: Language;
  eventId: string;
  startDate: string;
  endDate: string;
  home: string;
  text: AgendaStrings['editor'];
  types: AgendaStrings['types'];
  languages: AgendaStrings['languages'];
};

const KEYS: Record<string, Move> = {
  ArrowUp: { minutes: -15 },
  ArrowDown: { minutes: 15 },
  ArrowLeft: { rooms: -1 },
  ArrowRight: { rooms: 1 },
};

export async function startEditor(root: HTMLElement) {
  const config = dataJson<EditorConfig>(root, 'config');
  const text = config.text;
  const say = statusMessage(find(root, '#editor-status'));
  const account = find(root, '#editor-account');
  const body = find(root, '#editor-body');
  await whenSignedIn({
    text,
    say,
    showSignIn: (button) => account.replaceChildren(button),
    run: async (me) => {
      // "Sign in to edit…" has done its work.
      find(root, '#editor-intro').hidden = true;
      account.replaceChildren(
        el('p', { id: 'signed-in-as' }, fill(text.signedInAs, { who: me.email ?? me.sub })),
        signOutButton(text.signOut, config.home),
      );
      // Check-in staff who land here keep the way to their desk.
      revealConsoleNav(me.roles);
      if (!me.roles.includes('organiser')) return say(text.noAccess, true);
      say(text.loading);
      await editor(root, body, config, say);
    },
  });
}

async function editor(root: HTMLElement, body: HTMLElement, config: EditorConfig, say: EditorContext['say']) {
  const { text, lang } = config;
  const client = agendaApi(config.eventId);
  let draft: AgendaDraft = await client.draft();
  say('');
  const live = el('p', { class: 'visually-hidden', 'aria-live': 'assertive', id: 'move-live' });
  root.append(live);
  const announce = (message: string) => {
    live.textContent = message;
  };
  const zone = () => draft.timeZone;
  const roomIds = () => draft.rooms.map((r) => r.id);
  const roomName = (id: string) => {
    const r = draft.rooms.find((x) => x.id === id);
    return r ? localized(r.name, lang) : id;
  };
  const title = (s: Session) => nameOf(ctx, 'sessions', s);

  const days = () => {
    const list = new Set<string>();
    if (config.startDate && config.endDate) {
      for (let d = config.startDate; d <= config.endDate; ) {
        list.add(d);
        d = new Date(Date.parse(`${d}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      }
    }
    for (const s of draft.sessions) list.add(dayOf(s.start, zone()));
    return [...list].sort();
  };
  let day = days()[0] ?? '';
  let selected: string | undefined;
  let moving: { original: Session; current: Session } | undefined;

  const ctx: EditorContext = {
    lang,
    text,
    types: config.types,
    languages: config.languages,
    api: client,
    draft: () => draft,
    say,
    reload: async (focusId) => {
      // Drawing the editor again removes the control that had the focus (e.g. "Publish…" that
      // a closed dialog handed it back to): keep a keyboard user's place, on the chosen block,
      // else the control of the same id, else the status message saying what just happened.
      draft = await client.draft();
      // Where the focus is once the draft is back, not before: a keyboard user may have moved on.
      const had = document.activeElement;
      const same = had instanceof HTMLElement && body.contains(had) && had.id ? had.id : undefined;
      moving = undefined;
      if (focusId) {
        selected = focusId;
        const s = draft.sessions.find((x) => x.id === focusId);
        if (s) day = dayOf(s.start, zone());
      }
      render();
      if (focusId) blockOf(focusId)?.focus();
      else if (had && !had.isConnected)
        ((same && document.getElementById(same)) || find(root, '#editor-status')).focus();
    },
  };

  const flagged = () => new Set(draft.warnings.flatMap((w) => w.sessionIds));
  /** Would this place clash with another session (same room, or a shared speaker)? */
  const clashes = (s: Session) =>
    draft.sessions.some(
      (o) =>
        o.id !== s.id &&
        overlap(o, s) &&
        (o.roomId === s.roomId || o.speakerIds.some((sp) => s.speakerIds.includes(sp))),
    );

  let grid = layoutDay(draft.sessions, roomIds(), day, zone());
  const laneOf = (id: string) => grid.placements.find((p) => p.id === id);
  const gridBox = el('div', { class: 'agenda-grid', role: 'group' });
  const blockOf = (id: string) => gridBox.querySelector<HTMLButtonElement>(`button[data-id="${CSS.escape(id)}"]`);

  function blockLabel(block: HTMLButtonElement, s: Session, conflict: boolean) {
    block.replaceChildren(
      el('span', { class: 't' }, formatRange(s.start, s.end, lang, zone())),
      el('span', { class: 'name' }, title(s)),
      el('span', { class: 'visually-hidden' }, `, ${roomName(s.roomId)}`),
      ...(conflict ? [el('span', { class: 'badge' }, text.conflictBadge)] : []),
    );
    block.classList.toggle('conflict', conflict);
  }

  /**
   * Puts a block where the session is, in its lane of the room (grid.ts); a session being moved
   * takes the room's whole width. False when that is off this day's grid.
   */
  function place(block: HTMLButtonElement, s: Session, lane = { lane: 0, lanes: 1 }): boolean {
    if (dayOf(s.start, zone()) !== day) return false;
    const column = roomIds().indexOf(s.roomId) + 1;
    const span = Math.max(1, Math.ceil((Date.parse(s.end) - Date.parse(s.start)) / (SLOT * 60_000)));
    const row = Math.floor((minuteOfDay(s.start, zone()) - grid.firstMinute) / SLOT) + 1;
    if (column < 1 || row < 1 || row + span - 1 > grid.rows) return false;
    block.style.gridColumn = String(column + 1);
    block.style.gridRow = `${row + 1} / span ${span}`;
    block.style.setProperty('--lane', String(lane.lane));
    block.style.setProperty('--lanes', String(lane.lanes));
    block.classList.toggle('shared', lane.lanes > 1);
    return true;
  }

  const where = (s: Session) => ({
    title: title(s),
    time: formatRange(s.start, s.end, lang, zone()),
    room: roomName(s.roomId),
  });

  function select(id: string) {
    if (moving && moving.original.id !== id) cancelMove();
    selected = id;
    for (const b of gridBox.querySelectorAll<HTMLButtonElement>('button.block'))
      b.setAttribute('aria-pressed', String(b.dataset.id === id));
    renderSelected();
    const s = draft.sessions.find((x) => x.id === id);
    if (s) announce(fill(text.moving, where(s)));
  }

  function moveTo(next: Session) {
    const original = moving?.original ?? draft.sessions.find((x) => x.id === next.id);
    const block = blockOf(next.id);
    if (!original || !block || !place(block, next)) return;
    moving = { original, current: next };
    const conflict = clashes(next);
    blockLabel(block, next, conflict);
    announce(`${fill(text.moving, where(next))}${conflict ? ` ${text.conflictNow}` : ''}`);
  }

  function cancelMove() {
    if (!moving) return;
    const { original } = moving;
    moving = undefined;
    const block = blockOf(original.id);
    if (block) {
      place(block, original, laneOf(original.id));
      blockLabel(block, original, flagged().has(original.id));
    }
    announce(fill(text.moveCancelled, where(original)));
  }

  async function saveMove() {
    if (!moving) return;
    const { original, current } = moving;
    if (current.start === original.start && current.roomId === original.roomId) {
      moving = undefined;
      return;
    }
    const result = await client.write<Session>('sessions', original.id, sessionBody(current), original.version);
    if (result.ok) {
      announce(fill(text.movedTo, where(result.entity)));
      // Said once the editor shows it, so nothing redraws under the next key press.
      await ctx.reload(original.id);
      say(fill(text.saved, { title: title(result.entity) }));
    } else if (result.stale) {
      moving = undefined;
      await staleChoice(ctx, 'sessions', current, toValues('sessions', current, zone()));
    } else {
      cancelMove();
      say(result.problem.detail ?? text.failed, true);
    }
  }

  function sessionBlock(s: Session, conflict: boolean, trackColour?: string) {
    const block = el('button', {
      type: 'button',
      class: 'block',
      'data-id': s.id,
      'aria-pressed': String(selected === s.id),
      'aria-describedby': 'grid-help',
      ...(trackColour ? { style: `--track: ${trackColour}` } : {}),
    });
    blockLabel(block, s, conflict);
    place(block, s, laneOf(s.id));
    let suppressClick = false;
    block.addEventListener('click', () => {
      if (suppressClick) {
        suppressClick = false;
        return;
      }
      select(s.id);
    });
    block.addEventListener('keydown', (e) => {
      const move = KEYS[e.key];
      if (move) {
        e.preventDefault();
        if (selected !== s.id) select(s.id);
        const base = moving?.current ?? s;
        moveTo(moved(base, move, roomIds(), zone()));
      } else if (e.key === 'Enter' && moving?.original.id === s.id) {
        e.preventDefault();
        void saveMove();
      } else if (e.key === 'Escape' && moving) {
        e.preventDefault();
        cancelMove();
      }
    });
    // Dragging: whole rows and rooms from where the block was grabbed.
    let grab: { x: number; y: number; column: number; row: number } | undefined;
    block.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      const head = gridBox.querySelector<HTMLElement>('.head.room');
      const hour = gridBox.querySelector<HTMLElement>('.hour');
      grab = { x: e.clientX, y: e.clientY, column: head?.offsetWidth ?? 150, row: (hour?.offsetHeight ?? 80) / 4 };
      block.setPointerCapture(e.pointerId);
    });
    block.addEventListener('pointermove', (e) => {
      if (!grab) return;
      const dx = e.clientX - grab.x;
      const dy = e.clientY - grab.y;
      if (!block.classList.contains('dragging') && Math.hypot(dx, dy) < 6) return;
      block.classList.add('dragging');
      if (selected !== s.id) select(s.id);
      moveTo(moved(s, dragMove(dx, dy, grab.column, grab.row), roomIds(), zone()));
    });
    const drop = (e: PointerEvent) => {
      if (!grab) return;
      grab = undefined;
      if (block.hasPointerCapture(e.pointerId)) block.releasePointerCapture(e.pointerId);
      if (block.classList.contains('dragging')) {
        block.classList.remove('dragging');
        suppressClick = true;
        if (e.type === 'pointerup') void saveMove();
        else cancelMove();
      }
    };
    block.addEventListener('pointerup', drop);
    block.addEventListener('pointercancel', drop);
    return block;
  }

  function renderGrid(): HTMLElement {
    grid = layoutDay(draft.sessions, roomIds(), day, zone());
    const flags = flagged();
    gridBox.setAttribute('aria-labelledby', 'grid-heading');
    // A room whose sessions overlap gets a column wide enough for each lane (grid.ts).
    const lanes = draft.rooms.map((_, i) =>
      Math.max(1, ...grid.placements.filter((p) => p.column === i + 1).map((p) => p.lanes)),
    );
    const columns = lanes.map((n) => `minmax(${10 * n}rem, ${n}fr)`).join(' ');
    gridBox.style.cssText = `--row: 1.3rem; --head: 2.6rem; grid-template-columns: 4rem ${columns}; grid-template-rows: var(--head) repeat(${grid.rows}, var(--row));`;
    const cells: HTMLElement[] = [el('div', { class: 'head', style: 'grid-column: 1; grid-row: 1' }, text.time)];
    draft.rooms.forEach((r, i) => {
      cells.push(el('div', { class: 'head room', style: `grid-column: ${i + 2}; grid-row: 1` }, roomName(r.id)));
    });
    for (let row = 1; row <= grid.rows; row += 4) {
      cells.push(
        el('div', { class: 'hour', style: `grid-column: 1; grid-row: ${row + 1} / span 4` }, rowTime(grid, row)),
      );
    }
    const colours = new Map(draft.tracks.map((t) => [t.id, t.color]));
    for (const s of draft.sessions.filter((x) => dayOf(x.start, zone()) === day)) {
      cells.push(sessionBlock(s, flags.has(s.id), s.trackId ? colours.get(s.trackId) : undefined));
    }
    gridBox.replaceChildren(...cells);
    return el(
      'section',
      { 'aria-labelledby': 'grid-heading' },
      el('h2', { id: 'grid-heading' }, fill(text.grid, { day: formatDay(day, lang) })),
      el('p', { id: 'grid-help' }, text.keyboardHelp),
      draft.rooms.length ? el('div', { class: 'grid-scroll' }, gridBox) : el('p', {}, text.noRooms),
    );
  }

  const selectedBox = el('div', { class: 'selected-panel', 'aria-labelledby': 'selected-heading', role: 'region' });
  function renderSelected() {
    const s = draft.sessions.find((x) => x.id === selected);
    if (!s) {
      selectedBox.replaceChildren(el('h2', { id: 'selected-heading' }, text.selected), el('p', {}, text.noneSelected));
      return;
    }
    const edit = el('button', { type: 'button' }, fill(text.editNamed, { name: title(s) }));
    edit.addEventListener('click', () => openForm(ctx, 'sessions', s));
    const del = el('button', { type: 'button' }, text.delete);
    del.addEventListener('click', () => void remove('sessions', s));
    selectedBox.replaceChildren(
      el('h2', { id: 'selected-heading' }, text.selected),
      el('p', {}, `${title(s)} · ${formatRange(s.start, s.end, lang, zone())} · ${roomName(s.roomId)}`),
      el('div', {}, edit, del),
    );
  }

  async function remove(kind: Kind, entity: Entity) {
    const name = nameOf(ctx, kind, entity);
    if (!(await ask(fill(text.deleteConfirm, { name }), { yes: text.deleteYes, no: text.deleteNo }))) return;
    const problem = await client.remove(kind, entity.id, entity.version);
    if (problem?.status === 412) return staleChoice(ctx, kind, entity, toValues(kind, entity, zone()));
    if (problem) return say(problem.detail ?? text.failed, true);
    if (selected === entity.id) selected = undefined;
    await ctx.reload();
    say(fill(text.deleted, { name }));
  }

  function toolbar(): HTMLElement {
    const dayButtons = days().map((d) => {
      // An id, so a redraw can give the focus back to the same day.
      const b = el(
        'button',
        { type: 'button', id: `editor-day-${d}`, 'aria-pressed': String(d === day) },
        formatDay(d, lang),
      );
      b.addEventListener('click', () => {
        cancelMove();
        day = d;
        render();
        // The selected session if this day has it, else the day's own (new) button.
        (blockOf(selected ?? '') ?? body.querySelector<HTMLElement>('.days [aria-pressed="true"]'))?.focus();
      });
      return b;
    });
    const add = el('button', { type: 'button' }, text.addSession);
    add.addEventListener('click', () => {
      const slot = freeSlot(draft.sessions, roomIds(), day, zone());
      openForm(ctx, 'sessions', undefined, {
        start: `${day}T${slot.start}`,
        end: `${day}T${slot.end}`,
        room_: slot.roomId,
      });
    });
    const publish = el('button', { type: 'button', class: 'primary', id: 'publish' }, text.publish.button);
    publish.addEventListener('click', () => void openPublish(ctx));
    return el(
      'div',
      { class: 'toolbar' },
      el('div', { class: 'days', role: 'group', 'aria-label': text.days }, ...dayButtons),
      add,
      publish,
    );
  }

  function warningsSection(): HTMLElement {
    return el(
      'section',
      { 'aria-labelledby': 'warnings-heading' },
      el('h2', { id: 'warnings-heading' }, text.warningsHeading),
      draft.warnings.length
        ? el(
            'ul',
            { id: 'warnings' },
            ...draft.warnings.map((w) => el('li', { class: 'warning' }, warningText(ctx, w))),
          )
        : el('p', {}, text.noWarnings),
    );
  }

  function listSection(kind: 'rooms' | 'tracks' | 'speakers', heading: string, addLabel: string): HTMLElement {
    const add = el('button', { type: 'button' }, addLabel);
    add.addEventListener('click', () => openForm(ctx, kind));
    const entities = draft[kind] as Entity[];
    const uses = (id: string) =>
      draft.sessions.filter((s) =>
        kind === 'rooms' ? s.roomId === id : kind === 'tracks' ? s.trackId === id : s.speakerIds.includes(id),
      ).length;
    const rows = entities.map((e) => {
      const name = nameOf(ctx, kind, e);
      const edit = el('button', { type: 'button', 'aria-label': fill(text.editNamed, { name }) }, text.edit);
      edit.addEventListener('click', () => openForm(ctx, kind, e));
      const del = el('button', { type: 'button', 'aria-label': `${text.delete} ${name}` }, text.delete);
      del.addEventListener('click', () => void remove(kind, e));
      const organisation = (e as { organisation?: { en: string; fr?: string } }).organisation;
      const extra =
        kind === 'speakers'
          ? [(organisation && (lang === 'fr' ? organisation.fr : undefined)) ?? organisation?.en ?? '']
          : [];
      return el(
        'tr',
        {},
        el('th', { scope: 'row' }, name),
        ...extra.map((x) => el('td', {}, x)),
        el('td', {}, plural(lang, text.sessionsCount, uses(e.id))),
        el('td', {}, edit, del),
      );
    });
    const id = `${kind}-heading`;
    return el(
      'section',
      { 'aria-labelledby': id },
      el('h2', { id }, heading),
      rows.length
        ? el('div', { class: 'table-scroll' }, el('table', { id: `${kind}-list` }, el('tbody', {}, ...rows)))
        : el('p', {}, '—'),
      add,
    );
  }

  function render() {
    renderSelected();
    body.replaceChildren(
      toolbar(),
      selectedBox,
      renderGrid(),
      warningsSection(),
      listSection('rooms', text.rooms, text.addRoom),
      listSection('tracks', text.tracks, text.addTrack),
      listSection('speakers', text.speakersList, text.addSpeaker),
    );
  }
  render();
}
