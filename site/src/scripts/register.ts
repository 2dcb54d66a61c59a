/**
 * Sends the registration form: shared schema validation, inline errors, idempotent retries;
 * keeps the categories' live state (a full category without a waiting list cannot be chosen)
 * and, once registered, replaces the form with what was booked and what happens next.
 */
import type { AttendeeStrings } from '../i18n/attendee.en.ts';
import { fill, localized } from '../i18n/format.ts';
import type { UiStrings } from '../i18n/types.ts';
import type { Language } from '../lib/api-types.ts';
import { type CategoryState, canChoose, formatMoney, type LiveCategory, type Payment, stateOf } from '../lib/live.ts';
import { dataJson, el, find, statusMessage } from './dom.ts';
import { fetchCategories } from './live-home.ts';

type CategoryInfo = {
  id: string;
  name: string;
  fee: string;
  requiresApproval: boolean;
  paid: boolean;
};

/** What RegisterForm.astro renders into data-config. */
export type RegisterConfig = {
  eventId: string;
  lang: Language;
  event: { name: string; dates: string; venue: string };
  categories: CategoryInfo[];
  text: UiStrings['form'];
  extra: AttendeeStrings['register'];
  state: Record<CategoryState, string>;
  free: string;
};

type Outcome = {
  id: string;
  status: 'unverified' | 'confirmed' | 'pending' | 'waitlisted';
  categoryId: string;
  email: string;
  firstName?: string;
  waitlistPosition?: number;
  heldUntil?: string;
  payment?: Payment;
};

/** Whole hours until an unverified hold lapses, as the mail says. */
const hoursLeft = (heldUntil: string | undefined) =>
  heldUntil ? Math.max(1, Math.round((Date.parse(heldUntil) - Date.now()) / 3_600_000)) : 24;
type FieldError = { path: string; message: string };

export function startRegistration(root: HTMLElement) {
  const config = dataJson<RegisterConfig>(root, 'config');
  const { text: f, extra: a, lang } = config;
  const categories = new Map(config.categories.map((c) => [c.id, c]));
  const form = find(root, '#register-form', HTMLFormElement);
  const group = find(form, '#categoryId', HTMLFieldSetElement);
  const info = find(form, '#categoryId-info');
  const choices = () => [...group.querySelectorAll<HTMLInputElement>('input[name=categoryId]')];
  const chosen = () => choices().find((radio) => radio.checked);
  const summary = find(root, '#error-summary');
  const summaryList = find(summary, 'ul', HTMLUListElement);
  const say = statusMessage(find(root, '#outcome'), { focus: true });
  const confirmation = find(root, '#confirmation');
  const button = find(form, 'button[type=submit]', HTMLButtonElement);
  // One key per filled-in form: pressing Register again after a network error is a retry.
  let idempotencyKey = crypto.randomUUID();

  const feeOf = (c: LiveCategory) =>
    c.price ? (c.price.amount === 0 ? config.free : formatMoney(c.price, lang)) : categories.get(c.id)?.fee;
  // What choosing a category means, said under the choices: its state when not open, that
  // the organisers review it, and that a fee is paid by transfer (who it is for is on each choice).
  const describe = () => {
    const radio = chosen();
    const state = radio?.closest<HTMLElement>('.choice')?.dataset.state as CategoryState | undefined;
    const category = radio ? categories.get(radio.value) : undefined;
    const waiting = state === 'waitlist';
    info.textContent = [
      state === 'few-left' || waiting ? a.stateNotes[state] : '',
      category?.requiresApproval ? a.steps.approval : '',
      category?.paid ? (waiting ? a.paidOnceSeated : a.paidHint) : '',
    ]
      .filter(Boolean)
      .join(' ');
  };
  group.addEventListener('change', describe);

  /** Who a category is for, under its choice (as RegisterForm.astro draws it); none when empty. */
  const showAbout = (choice: HTMLElement, radio: HTMLInputElement, about: string) => {
    const id = `${radio.id}-about`;
    let node = choice.querySelector<HTMLElement>('.choice__about');
    if (!about) {
      node?.remove();
      radio.removeAttribute('aria-describedby');
      return;
    }
    if (!node) {
      node = el('p', { class: 'hint choice__about', id });
      choice.append(node);
    }
    node.textContent = about;
    radio.setAttribute('aria-describedby', id);
  };

  /** The choice of a category added after the build, drawn as RegisterForm.astro draws one. */
  const newChoice = (id: string) => {
    const radio = el('input', { type: 'radio', id: `category-${id}`, name: 'categoryId', value: id, required: '' });
    const label = el(
      'label',
      { for: `category-${id}` },
      el('span', { class: 'choice__name' }),
      ' · ',
      el('span', { class: 'choice__fee' }),
      el('span', { class: 'choice__state' }),
    );
    const choice = el('div', { class: 'check choice' }, radio, label);
    group.insertBefore(choice, info);
    return radio;
  };

  // Live availability: the build's state may be hours old.
  void fetchCategories(config.eventId).then((live) => {
    for (const c of live ?? []) {
      const name = localized(c.name, lang);
      const fee = feeOf(c) ?? config.free;
      const inLang = (text: { en: string; fr?: string } | undefined) => (text ? localized(text, lang) : undefined);
      const description = inLang(c.description);
      const eligibility = inLang(c.eligibility);
      categories.set(c.id, {
        id: c.id,
        name,
        fee,
        requiresApproval: c.requiresApproval,
        paid: Boolean(c.price && c.price.amount > 0),
      });
      const about = [description, eligibility].filter(Boolean).join(' ');
      const radio = choices().find((r) => r.value === c.id) ?? newChoice(c.id);
      const choice = radio.closest<HTMLElement>('.choice');
      if (choice) showAbout(choice, radio, about);
      const state = stateOf(c);
      const part = (name: string) => choice?.querySelector<HTMLElement>(`.choice__${name}`);
      const [nameNode, feeNode, stateNode] = [part('name'), part('fee'), part('state')];
      if (nameNode) nameNode.textContent = name;
      if (feeNode) feeNode.textContent = fee;
      if (stateNode) {
        stateNode.textContent = ` (${config.state[state]})`;
        stateNode.hidden = state === 'open';
      }
      if (choice) choice.dataset.state = state;
      radio.disabled = !canChoose(state);
      if (radio.disabled) radio.checked = false;
    }
    describe();
  });

  // A field put right loses its message at once; the summary stays until the next send.
  form.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement;
    const control = target.name ? form.querySelector<HTMLElement>(`#${target.name}`) : null;
    if (!control?.hasAttribute('aria-invalid')) return;
    if (target.type === 'checkbox' ? !target.checked : target.value.trim() === '') return;
    control.removeAttribute('aria-invalid');
    const slot = form.querySelector<HTMLElement>(`#${target.name}-error`);
    if (slot) slot.hidden = true;
  });

  const showErrors = (errors: FieldError[]) => {
    for (const node of form.querySelectorAll<HTMLElement>('.error')) node.hidden = true;
    for (const node of form.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
    summaryList.replaceChildren();
    for (const { path, message } of errors) {
      const name = path.split('.')[0] ?? path;
      const control = form.querySelector<HTMLElement>(`#${name}`);
      const legend = control instanceof HTMLFieldSetElement ? control.querySelector('legend') : null;
      const slot = form.querySelector<HTMLElement>(`#${name}-error`);
      if (control) control.setAttribute('aria-invalid', 'true');
      if (slot) {
        slot.textContent = message;
        slot.hidden = false;
      }
      // Without the required mark; a label that is a sentence (the consent) gives a short name.
      const named = legend ?? form.querySelector<HTMLElement>(`label[for="${name}"]`);
      const label = named?.dataset.summary ?? named?.textContent?.replace(/[ \u00a0]\*$/, '') ?? name;
      const link = el('a', { href: `#${name}` }, fill(f.summaryItem, { label, message }));
      // A group's link goes to its first choice that can be taken, as a field's goes to the field.
      if (legend) {
        link.addEventListener('click', (event) => {
          const first = chosen() ?? choices().find((radio) => !radio.disabled);
          if (!first) return;
          event.preventDefault();
          first.focus();
        });
      }
      summaryList.append(el('li', {}, link));
    }
    summary.hidden = errors.length === 0;
    if (errors.length > 0) summary.focus();
  };

  const values = () => {
    const formData = new FormData(form);
    const text = (name: string) => {
      const value = String(formData.get(name) ?? '').trim();
      return value === '' ? undefined : value;
    };
    return {
      categoryId: text('categoryId'),
      firstName: text('firstName') ?? '',
      lastName: text('lastName') ?? '',
      email: text('email') ?? '',
      organisation: text('organisation') ?? '',
      country: text('country') ?? '',
      jobTitle: text('jobTitle'),
      preferredLanguage: text('preferredLanguage'),
      dietaryNeeds: text('dietaryNeeds'),
      accessibilityNeeds: text('accessibilityNeeds'),
      visaLetter: formData.get('visaLetter') === 'on',
      consent: { privacy: formData.get('consent') === 'on' },
    };
  };

  /** The message for a field in the page's language (the schema's own messages are English). */
  const message = (path: (string | number | symbol)[], issue: { code?: string; maximum?: unknown }) => {
    const name = String(path[0]);
    const given = (values() as Record<string, unknown>)[name];
    if (given === '' || given === undefined || (name === 'consent' && path[1] === 'privacy')) return f.required;
    if (name === 'email') return f.invalidEmail;
    if (name === 'country') return f.chooseCountry;
    if (issue.code === 'too_big' && typeof issue.maximum === 'number') return fill(f.tooLong, { max: issue.maximum });
    return f.invalid;
  };

  /** The form gives way to what was booked, in plain words, and what happens next. */
  const confirm = (result: Outcome, firstName: string) => {
    const category = categories.get(result.categoryId);
    const waiting = result.waitlistPosition ?? 0;
    const hours = hoursLeft(result.heldUntil);
    const statusText =
      result.status === 'unverified'
        ? waiting
          ? fill(a.statusText.unverifiedWaitlist, { n: waiting })
          : a.statusText.unverified
        : result.status === 'waitlisted'
          ? fill(a.statusText.waitlisted, { n: waiting || 1 })
          : a.statusText[result.status];
    const fee = result.payment ? formatMoney(result.payment, lang) : (category?.fee ?? config.free);
    const steps: string[] = [];
    if (result.status === 'unverified') steps.push(fill(a.steps.checkMail, { email: result.email, hours }));
    if (category?.requiresApproval && !waiting) steps.push(a.steps.approval);
    if (waiting || result.status === 'waitlisted') steps.push(a.steps.waitlist);
    if ((result.payment || category?.paid) && !waiting) steps.push(fill(a.steps.payment, { amount: fee }));
    steps.push(a.steps.manage);
    const rows: [string, string][] = [
      [a.category, category?.name ?? result.categoryId],
      [a.fee, fee],
      [a.dates, config.event.dates],
      [a.venue, config.event.venue],
      [a.status, statusText],
    ];
    const heading = el('h2', { id: 'confirmation-heading', tabindex: '-1' }, fill(a.thanks, { name: firstName }));
    confirmation.className = 'confirmation card';
    confirmation.setAttribute('aria-labelledby', 'confirmation-heading');
    confirmation.replaceChildren(
      heading,
      el('p', { class: 'lead' }, config.event.name),
      el('h3', {}, a.booked),
      el('dl', {}, ...rows.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)])),
      el('h3', {}, a.next),
      el('ol', {}, ...steps.map((step) => el('li', {}, step))),
    );
    confirmation.hidden = false;
    form.hidden = true;
    find(document, '#register-intro').hidden = true;
    // The summary beside the form repeats what the confirmation now says.
    const aside = root.parentElement?.querySelector('aside');
    if (aside) aside.hidden = true;
    find(root, '#outcome').textContent = '';
    heading.focus();
  };

  // The schema loads when someone starts on the form (registration-schema.ts); a submit
  // before it has arrived waits for it, and a failed load is tried again at the next submit.
  let schema: Promise<typeof import('./registration-schema.ts')> | undefined;
  const loadSchema = () => {
    schema ??= import('./registration-schema.ts').catch((error: unknown) => {
      schema = undefined;
      throw error;
    });
    return schema;
  };
  form.addEventListener('focusin', () => void loadSchema().catch(() => undefined), { once: true });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void loadSchema().then(
      ({ RegistrationInput }) => send(RegistrationInput),
      () => say(f.busy, true),
    );
  });

  const send = (RegistrationInput: typeof import('./registration-schema.ts').RegistrationInput) => {
    const parsed = RegistrationInput.safeParse(values());
    if (!parsed.success) {
      return showErrors(parsed.error.issues.map((i) => ({ path: String(i.path[0]), message: message(i.path, i) })));
    }
    if (chosen()?.disabled) {
      return showErrors([{ path: 'categoryId', message: a.categoryUnavailable }]);
    }
    showErrors([]);
    button.disabled = true;
    button.textContent = f.sending;
    void fetch(`/api/events/${config.eventId}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify(parsed.data),
    })
      .then(async (response) => {
        if (response.status === 201) {
          idempotencyKey = crypto.randomUUID();
          return confirm((await response.json()) as Outcome, parsed.data.firstName);
        }
        if (response.status === 409) return say(f.duplicate);
        if (response.status === 429)
          return say(fill(f.tooMany, { seconds: response.headers.get('retry-after') ?? '60' }), true);
        if (response.status === 422 || response.status === 400) {
          const errors = ((await response.json()) as { errors?: FieldError[] }).errors ?? [];
          return showErrors(errors.map((e) => ({ path: e.path, message: message(e.path.split('.'), {}) })));
        }
        say(response.status === 503 ? f.busy : f.failed, true);
      })
      .catch(() => say(f.busy, true))
      .finally(() => {
        button.disabled = false;
        button.textContent = f.submit;
      });
  };
}
