/** Sends the registration form: shared schema validation, inline errors, idempotent retries. */
import { fill } from '../i18n/format.ts';
import type { UiStrings } from '../i18n/types.ts';
import { RegistrationInput } from '../lib/api-types.ts';
import { data, dataJson, el, find, statusMessage } from './dom.ts';

type Outcome = {
  status: 'unverified' | 'confirmed' | 'pending' | 'waitlisted';
  waitlistPosition?: number;
  heldUntil?: string;
};

/** Whole hours until an unverified hold lapses, as the mail says. */
const hoursLeft = (heldUntil: string | undefined) =>
  heldUntil ? Math.max(1, Math.round((Date.parse(heldUntil) - Date.now()) / 3_600_000)) : 24;
type FieldError = { path: string; message: string };

export function startRegistration(root: HTMLElement) {
  const f = dataJson<UiStrings['form']>(root, 'text');
  const eventId = data(root, 'event');
  const form = find(root, '#register-form', HTMLFormElement);
  const summary = find(root, '#error-summary');
  const summaryList = find(summary, 'ul', HTMLUListElement);
  const say = statusMessage(find(root, '#outcome'), { focus: true });
  const button = find(form, 'button[type=submit]', HTMLButtonElement);
  // One key per filled-in form: pressing Register again after a network error is a retry.
  let idempotencyKey = crypto.randomUUID();

  const showErrors = (errors: FieldError[]) => {
    for (const node of form.querySelectorAll<HTMLElement>('.error')) node.hidden = true;
    for (const node of form.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
    summaryList.replaceChildren();
    for (const { path, message } of errors) {
      const name = path.split('.')[0] ?? path;
      const control = form.querySelector<HTMLElement>(`#${name}`);
      const slot = form.querySelector<HTMLElement>(`#${name}-error`);
      if (control) control.setAttribute('aria-invalid', 'true');
      if (slot) {
        slot.textContent = message;
        slot.hidden = false;
      }
      const label = form.querySelector(`label[for="${name}"]`)?.textContent?.replace(' *', '') ?? name;
      summaryList.append(el('li', {}, el('a', { href: `#${name}` }, fill(f.summaryItem, { label, message }))));
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

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const parsed = RegistrationInput.safeParse(values());
    if (!parsed.success) {
      return showErrors(parsed.error.issues.map((i) => ({ path: String(i.path[0]), message: message(i.path, i) })));
    }
    showErrors([]);
    button.disabled = true;
    button.textContent = f.sending;
    void fetch(`/api/events/${eventId}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify(parsed.data),
    })
      .then(async (response) => {
        if (response.status === 201) {
          const result = (await response.json()) as Outcome;
          form.hidden = true;
          idempotencyKey = crypto.randomUUID();
          const hours = hoursLeft(result.heldUntil);
          const waiting = result.waitlistPosition ?? 0;
          if (result.status === 'unverified') {
            return say(waiting ? fill(f.unverifiedWaitlist, { n: waiting, hours }) : fill(f.unverified, { hours }));
          }
          return say(
            result.status === 'waitlisted'
              ? fill(f.waitlisted, { n: waiting || 1 })
              : result.status === 'pending'
                ? f.pending
                : f.confirmed,
          );
        }
        if (response.status === 409) return say(f.duplicate);
        if (response.status === 429)
          return say(fill(f.tooMany, { seconds: response.headers.get('retry-after') ?? '60' }));
        if (response.status === 422 || response.status === 400) {
          const errors = ((await response.json()) as { errors?: FieldError[] }).errors ?? [];
          return showErrors(errors.map((e) => ({ path: e.path, message: message(e.path.split('.'), {}) })));
        }
        say(response.status === 503 ? f.busy : f.failed);
      })
      .catch(() => say(f.busy))
      .finally(() => {
        button.disabled = false;
        button.textContent = f.submit;
      });
  });
}
