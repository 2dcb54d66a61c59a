/** Sends the registration form: shared schema validation, inline errors, idempotent retries. */
import { RegistrationInput } from '../../../functions/registrations/schemas.ts';
import { t } from '../lib/i18n.ts';

type Outcome = { status: 'confirmed' | 'pending' | 'waitlisted'; waitlistPosition?: number };

export function startRegistration(root: HTMLElement) {
  const lang = root.dataset.lang === 'fr' ? 'fr' : 'en';
  const f = t(lang).form;
  const eventId = root.dataset.event!;
  const form = root.querySelector<HTMLFormElement>('#register-form')!;
  const summary = root.querySelector<HTMLElement>('#error-summary')!;
  const outcome = root.querySelector<HTMLElement>('#outcome')!;
  const button = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
  // One key per filled-in form: pressing Register again after a network error is a retry.
  let idempotencyKey = crypto.randomUUID();

  const showErrors = (errors: { path: string; message: string }[]) => {
    for (const node of form.querySelectorAll<HTMLElement>('.error')) node.hidden = true;
    for (const node of form.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
    const list = summary.querySelector('ul')!;
    list.replaceChildren();
    for (const { path, message } of errors) {
      const name = path.split('.')[0]!;
      const control = form.querySelector<HTMLElement>(`#${name}`);
      const slot = form.querySelector<HTMLElement>(`#${name}-error`);
      if (control) control.setAttribute('aria-invalid', 'true');
      if (slot) {
        slot.textContent = message;
        slot.hidden = false;
      }
      const label = form.querySelector(`label[for="${name}"]`)?.textContent?.replace(' *', '') ?? name;
      const link = document.createElement('a');
      link.href = `#${name}`;
      link.textContent = `${label}: ${message}`;
      const item = document.createElement('li');
      item.append(link);
      list.append(item);
    }
    summary.hidden = errors.length === 0;
    if (errors.length > 0) summary.focus();
  };

  const values = () => {
    const data = new FormData(form);
    const text = (name: string) => {
      const value = String(data.get(name) ?? '').trim();
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
      visaLetter: data.get('visaLetter') === 'on',
      consent: { privacy: data.get('consent') === 'on' },
    };
  };

  const say = (message: string) => {
    outcome.textContent = message;
    outcome.focus();
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const parsed = RegistrationInput.safeParse(values());
    if (!parsed.success) {
      const given = values() as Record<string, unknown>;
      return showErrors(
        parsed.error.issues.map((i) => {
          const name = String(i.path[0]);
          const empty =
            given[name] === '' || given[name] === undefined || (name === 'consent' && i.path[1] === 'privacy');
          return {
            path: name,
            message: empty
              ? f.required
              : name === 'email'
                ? f.invalidEmail
                : name === 'country'
                  ? f.chooseCountry
                  : i.message,
          };
        }),
      );
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
          return say(
            result.status === 'waitlisted'
              ? f.waitlisted(result.waitlistPosition ?? 1)
              : result.status === 'pending'
                ? f.pending
                : f.confirmed,
          );
        }
        if (response.status === 409) return say(f.duplicate);
        if (response.status === 429) return say(f.tooMany(response.headers.get('retry-after') ?? '60'));
        if (response.status === 422 || response.status === 400) {
          return showErrors(((await response.json()) as { errors?: { path: string; message: string }[] }).errors ?? []);
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
