/** Small pieces the portal's and the sponsor console's panels share. */
import { el } from '../dom.ts';

let ids = 0;
/** A page-unique id for a control (panels repeat per sponsor). */
export const uid = (prefix: string) => `${prefix}-${++ids}`;

/** A labelled control, with an optional hint the control is described by. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  control.id ||= uid('f');
  const wrapper = el('div', { class: 'field' }, el('label', { for: control.id }, label));
  if (hint) {
    const hintId = `${control.id}-hint`;
    wrapper.append(el('p', { class: 'hint', id: hintId }, hint));
    control.setAttribute('aria-describedby', hintId);
  }
  wrapper.append(control);
  return wrapper;
}

/** A checkbox with its label after it. */
export function checkbox(label: string, checked: boolean): { box: HTMLInputElement; node: HTMLElement } {
  const box = el('input', { type: 'checkbox', id: uid('c') });
  box.checked = checked;
  return { box, node: el('div', { class: 'check' }, box, el('label', { for: box.id }, label)) };
}

export type Feedback = ((message: string, error?: boolean) => void) & { node: HTMLElement };

/**
 * A status line placed next to the buttons it reports on (role=status is polite by default),
 * so people hear and see the outcome where they pressed.
 */
export function feedback(): Feedback {
  // Focusable by script: where the focus goes when the control that acted has gone.
  const node = el('p', { class: 'feedback', role: 'status', tabindex: '-1' });
  const say = (message: string, error = false) => {
    node.textContent = message;
    node.classList.toggle('error', error);
  };
  return Object.assign(say, { node });
}

/** The problem's detail (and the invalid fields) of an error answer, or its status. */
export async function problemText(response: Response): Promise<string> {
  const body = (await response.json().catch(() => ({}))) as {
    detail?: string;
    title?: string;
    errors?: { path: string; message: string }[];
  };
  const fields = (body.errors ?? []).map((e) => `${e.path}: ${e.message}`).join('; ');
  return [body.detail ?? body.title ?? `HTTP ${response.status}`, fields].filter(Boolean).join(' — ');
}

export const json = (body: unknown): RequestInit => ({
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});
