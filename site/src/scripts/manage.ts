/** Manage my registration, from the private link (#token=<id>.<secret>) in the confirmation mail. */
import { renderSVG } from 'uqr';
import type { AttendeeStrings } from '../i18n/attendee.en.ts';
import type { DesignStrings } from '../i18n/design.en.ts';
import { fill } from '../i18n/format.ts';
import type { UiStrings } from '../i18n/types.ts';
import type { Registration, RegistrationExport } from '../lib/api-types.ts';
import { formatMoney, type Payment } from '../lib/live.ts';
import { MANAGE_TOKEN } from './agenda/stars.ts';
import { ask } from './ask.ts';
import { control, dataJson, download, el, find, statusMessage } from './dom.ts';

/**
 * An IBAN or a payment reference as it is printed, and as the mail writes it: groups of four.
 * A reference (short, quoted in a sentence) keeps together; a long IBAN may wrap between groups.
 */
const inGroups = (value: string, space = ' ') => value.replace(/(.{4})(?=.)/g, `$1${space}`);
const reference = (value: string) => inGroups(value, '\u00a0');

/** What ManageRegistration.astro renders into data-event: the event, named in the page's language. */
export type ManageEvent = {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  dates: string;
  venue: string;
  location: string;
  timeZone: string;
  categories: Record<string, { name: string; fee: string }>;
};

type ManageText = UiStrings['manage'] & {
  extra: AttendeeStrings['manage'];
  form: Pick<UiStrings['form'], 'required' | 'invalid' | 'chooseCountry' | 'failed'>;
  badges: DesignStrings['status'];
  payment: DesignStrings['payment'];
  lang: string;
};

type BankAccount = { beneficiary: string; address: string; iban: string; bic: string; bankName: string };
/** A registration as the manage view serves it: `payment` comes with paid categories. */
type WithPayment = Registration & {
  payment?: Payment | null;
  ended?: boolean;
  event?: { bankAccount?: BankAccount };
};

const KEY = 'conference:manage';

/** The link is a credential: keep it for this tab only and take it out of the address bar. */
function credentials(): { id: string; secret: string } | undefined {
  const url = new URL(location.href);
  // The token rides in the fragment, which no server sees; links mailed before used ?token=.
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? url.searchParams.get('token');
  if (token) {
    sessionStorage.setItem(KEY, token);
    // "My agenda" keeps its stars with the registration on this device (agenda/stars.ts).
    localStorage.setItem(MANAGE_TOKEN, token);
    history.replaceState(null, '', url.pathname);
  }
  const [id, secret] = (sessionStorage.getItem(KEY) ?? '').split('.');
  return id && secret ? { id, secret } : undefined;
}

const icsDate = (date: string) => date.replaceAll('-', '');
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const hasSeat = (reg: Registration) => reg.status === 'confirmed' || reg.status === 'approved';

export async function startManage(root: HTMLElement) {
  const m = dataJson<ManageText>(root, 'text');
  const x = m.extra;
  const event = dataJson<ManageEvent | null>(root, 'event');
  const status = find(root, '#manage-status');
  const say = statusMessage(status, { focus: true });
  const details = find(root, '#manage-details');
  const qr = find(root, '#manage-qr');
  const form = find(root, '#manage-form', HTMLFormElement);
  const actions = find(root, '#manage-actions');
  const cancelButton = find(root, '#m-cancel', HTMLButtonElement);
  const calendarButton = find(root, '#m-calendar', HTMLButtonElement);
  const summary = find(root, '#manage-summary');
  const badges = find(root, '#manage-badges');
  const pay = find(root, '#manage-pay');
  const invoice = find(root, '#m-invoice', HTMLButtonElement);
  const endedNote = find(root, '#manage-ended');
  const input = (name: string) => control(form, name, HTMLInputElement);
  const textarea = (name: string) => control(form, name, HTMLTextAreaElement);
  const language = control(form, 'preferredLanguage', HTMLSelectElement);

  const creds = credentials();
  if (!creds) {
    status.textContent = '';
    return lostLink(root, m, event?.id);
  }
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`/api/registrations/${creds.id}${path}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${creds.secret}` },
    });

  let latest: WithPayment | undefined;
  const show = (update: WithPayment) => {
    // The answers to change and cancel carry the registration alone: the event's bank account
    // comes from the manage view read first.
    const reg: WithPayment = { ...update, event: update.event ?? latest?.event };
    latest = reg;
    const ended = reg.status === 'cancelled' || reg.status === 'rejected' || reg.status === 'expired';
    const position = reg.waitlistPosition ? fill(m.position, { n: reg.waitlistPosition }) : '';
    // "Number 3 on the waiting list" says "On the waiting list" already.
    const statusText =
      reg.status === 'waitlisted' && position ? position : [m.status[reg.status], position].filter(Boolean).join(' · ');
    // The badge names the status; a row adds the sentence only where it says more (what the
    // person is waiting for, a place in the queue), so "Confirmed" is not said twice.
    const explained = (['unverified', 'expired', 'waitlisted', 'pending'] as const).some((s) => s === reg.status);
    const category = event?.categories[reg.categoryId];
    const payment = reg.payment ?? undefined;
    // An ended registration owes nothing, whatever was due before it ended.
    // Nor is anything owed before there is a seat (unverified, waiting, awaiting approval).
    const owed = payment?.status === 'due' && hasSeat(reg);
    const dueDate = payment?.dueDate
      ? new Intl.DateTimeFormat(m.lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
          new Date(payment.dueDate.length === 10 ? `${payment.dueDate}T12:00:00Z` : payment.dueDate),
        )
      : '';
    // The badges above say the status and what is owed; a row says only what they do not.
    const rows: [string, string][] = [
      ...(explained || position ? ([[m.details.status, statusText]] as [string, string][]) : []),
      [m.details.name, `${reg.firstName} ${reg.lastName}`],
      [m.details.email, reg.email],
      ...(event ? ([[x.event, event.name]] as [string, string][]) : []),
      [x.category, category?.name ?? reg.categoryId],
      [x.fee, payment ? formatMoney(payment, m.lang) : (category?.fee ?? x.free)],
      // An ended registration's fee was due: the row says nothing is, where the badge went.
      ...(payment?.status === 'due' && ended ? ([[x.payment, m.payment.none]] as [string, string][]) : []),
      ...(payment?.reference && (owed || payment.status === 'paid')
        ? ([[x.reference, reference(payment.reference)]] as [string, string][])
        : []),
      ...(owed && dueDate ? ([[x.dueDate, dueDate]] as [string, string][]) : []),
      ...(event
        ? ([
            [x.dates, event.dates],
            [x.venue, event.venue],
          ] as [string, string][])
        : []),
      ...(reg.visaLetter ? [[x.visa, x.requested] as [string, string]] : []),
      ...(hasSeat(reg) && reg.checkInCode ? [[m.details.checkInCode, reg.checkInCode] as [string, string]] : []),
    ];
    badges.replaceChildren(
      el('span', { class: `badge badge--${reg.status}` }, m.badges[reg.status]),
      ...(payment && (owed || payment.status !== 'due')
        ? [el('span', { class: `badge badge--${payment.status}` }, m.payment[payment.status])]
        : []),
    );
    summary.hidden = false;
    pay.hidden = !owed;
    const bank = reg.event?.bankAccount;
    pay.replaceChildren(
      ...(payment
        ? [
            el(
              'p',
              {},
              fill(x.payNote, {
                amount: formatMoney(payment, m.lang),
                date: dueDate,
                reference: reference(payment.reference),
              }),
            ),
            ...(bank
              ? [
                  el(
                    'dl',
                    { class: 'bank' },
                    ...(
                      [
                        ['beneficiary', `${bank.beneficiary}, ${bank.address}`],
                        ['iban', inGroups(bank.iban)],
                        ['bic', bank.bic],
                        ['bankName', bank.bankName],
                      ] as const
                    ).flatMap(([key, value]) => [el('dt', {}, x.bank[key]), el('dd', { class: key }, value)]),
                  ),
                ]
              : []),
          ]
        : []),
    );
    // A pro forma only for what is owed; a paid invoice stays, whatever happened after.
    invoice.hidden = !payment || !(owed || payment.status === 'paid' || (payment.status === 'waived' && hasSeat(reg)));
    details.replaceChildren(
      ...rows.flatMap(([term, value]) => [
        Object.assign(document.createElement('dt'), { textContent: term }),
        Object.assign(document.createElement('dd'), { textContent: value }),
      ]),
    );
    details.hidden = false;
    // The check-in code as a QR code, for the registration desk's scanner.
    if (hasSeat(reg) && reg.checkInCode) {
      qr.innerHTML = renderSVG(reg.checkInCode, { border: 2 });
      const svg = find(qr, 'svg', SVGSVGElement);
      svg.setAttribute('role', 'img');
      svg.setAttribute('aria-label', fill(m.qrCode, { code: reg.checkInCode }));
      qr.append(el('p', { class: 'qr-caption' }, m.qrCaption));
      qr.hidden = false;
    } else qr.hidden = true;
    form.hidden = ended;
    endedNote.hidden = !ended;
    actions.hidden = false;
    cancelButton.hidden = ended;
    calendarButton.hidden = ended;
    input('firstName').value = reg.firstName;
    input('lastName').value = reg.lastName;
    input('visaLetter').checked = reg.visaLetter ?? false;
    control(form, 'country', HTMLSelectElement).value = reg.country;
    input('organisation').value = reg.organisation;
    input('jobTitle').value = reg.jobTitle ?? '';
    language.value = reg.preferredLanguage;
  };

  const load = async () => {
    const response = await call('');
    if (!response.ok) return say(m.missing);
    let reg = (await response.json()) as WithPayment;
    // Opening the mailed link is what proves the address: confirm it on the way in (the answer
    // is the registration alone; the event and its bank account stay those of the view).
    const verified = reg.status === 'unverified' ? await call('/verify', { method: 'POST' }) : undefined;
    if (verified?.ok) reg = { ...((await verified.json()) as Registration), event: reg.event };
    const data = (await (await call('/export')).json()) as RegistrationExport;
    textarea('dietaryNeeds').value = data.sensitive.dietaryNeeds ?? '';
    textarea('accessibilityNeeds').value = data.sensitive.accessibilityNeeds ?? '';
    show(reg);
    if (verified?.ok) say(m.verified);
    else status.textContent = '';
  };
  await load();

  /** Marks each field in `errors` (by name) with its message, clears the others; focuses the first. */
  const showErrors = (errors: Map<string, string>) => {
    for (const slot of form.querySelectorAll<HTMLElement>('.error')) {
      const name = slot.id.replace(/^m-|-error$/g, '');
      const message = errors.get(name);
      slot.textContent = message ?? '';
      slot.hidden = !message;
      const field = form.querySelector<HTMLElement>(`#m-${name}`);
      if (message) field?.setAttribute('aria-invalid', 'true');
      else field?.removeAttribute('aria-invalid');
    }
    const first = [...errors.keys()][0];
    if (first) form.querySelector<HTMLElement>(`#m-${first}`)?.focus();
  };
  /** What is wrong with a field, in the page's language (the API's messages are English). */
  const problemOf = (name: string, value: string) => {
    if (value === '') return m.form.required;
    if (name === 'country') return m.form.chooseCountry;
    return m.form.invalid;
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    // An earlier "saved" or failure no longer describes this attempt.
    status.textContent = '';
    status.classList.remove('error');
    const missing = new Map(
      ['firstName', 'lastName', 'country', 'organisation']
        .filter((name) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value.trim() === '')
        .map((name) => [name, m.form.required]),
    );
    showErrors(missing);
    if (missing.size > 0) return;
    const jobTitle = input('jobTitle').value.trim();
    const body = {
      firstName: input('firstName').value.trim(),
      lastName: input('lastName').value.trim(),
      visaLetter: input('visaLetter').checked,
      country: control(form, 'country', HTMLSelectElement).value,
      organisation: input('organisation').value.trim(),
      ...(jobTitle ? { jobTitle } : {}),
      preferredLanguage: language.value,
      dietaryNeeds: textarea('dietaryNeeds').value.trim(),
      accessibilityNeeds: textarea('accessibilityNeeds').value.trim(),
    };
    void call('', {
      method: 'PATCH',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    }).then(async (r) => {
      if (r.ok) {
        show((await r.json()) as Registration);
        return say(m.saved);
      }
      const problem = (await r.json().catch(() => ({}))) as { errors?: { path: string }[] };
      const fields = (problem.errors ?? []).map((error) => error.path.split('.')[0] ?? '');
      const known = fields.filter((name) => form.querySelector(`#m-${name}-error`));
      if ((r.status === 400 || r.status === 422) && known.length > 0) {
        const given = body as Record<string, unknown>;
        return showErrors(new Map(known.map((name) => [name, problemOf(name, String(given[name] ?? ''))])));
      }
      say(r.status === 401 || r.status === 404 ? m.missing : m.form.failed, true);
    });
  });
  cancelButton.addEventListener('click', async () => {
    if (!(await ask(m.cancelConfirm, { yes: m.cancelYes, no: m.cancelNo }))) return;
    void call('', { method: 'DELETE' }).then(async (r) => {
      if (r.ok) {
        show((await r.json()) as Registration);
        say(m.cancelled);
      }
    });
  });
  find(root, '#m-export').addEventListener('click', () => {
    void call('/export').then(async (r) =>
      download(
        `registration-${creds.id}.json`,
        new Blob([JSON.stringify(await r.json(), null, 2)], { type: 'application/json' }),
      ),
    );
  });
  find(root, '#m-erase').addEventListener('click', async () => {
    // An ended registration has no place left to give.
    const ended = ['cancelled', 'rejected', 'expired'].includes(latest?.status ?? '');
    if (!(await ask(ended ? m.eraseConfirmEnded : m.eraseConfirm, { yes: m.eraseYes, no: m.eraseNo }))) return;
    void call('/erase', { method: 'POST' }).then((r) => {
      if (r.status === 204) {
        sessionStorage.removeItem(KEY);
        localStorage.removeItem(MANAGE_TOKEN);
        details.hidden = true;
        summary.hidden = true;
        form.hidden = true;
        actions.hidden = true;
        say(m.erased);
      }
    });
  });
  invoice.addEventListener('click', () => {
    void call('/invoice.pdf').then(async (r) => {
      if (r.ok) download(`${m.lang === 'fr' ? 'facture' : 'invoice'}-${creds.id}.pdf`, await r.blob());
      else say(m.missing);
    });
  });
  calendarButton.addEventListener('click', () => {
    if (!event) return;
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Customs IT Conference//Registration//EN',
      'BEGIN:VEVENT',
      `UID:${creds.id}@conference`,
      `DTSTAMP:${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`,
      `DTSTART;VALUE=DATE:${icsDate(event.startDate)}`,
      `DTEND;VALUE=DATE:${icsDate(nextDay(event.endDate))}`,
      `SUMMARY:${event.name.replace(/([,;\\])/g, '\\$1')}`,
      `LOCATION:${event.location.replace(/([,;\\])/g, '\\$1')}`,
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    download(`${event.id}.ics`, new Blob([ics], { type: 'text/calendar' }));
  });
}

/** Without a token: "send me my link". The answer is the same whatever the address (no enumeration). */
function lostLink(root: HTMLElement, m: ManageText, eventId: string | undefined) {
  const x = m.extra;
  const section = find(root, '#lost-link');
  const form = find(section, '#lost-form', HTMLFormElement);
  const email = find(form, '#lost-email', HTMLInputElement);
  const error = find(form, '#lost-email-error');
  const outcome = find(section, '#lost-outcome');
  const button = find(form, 'button', HTMLButtonElement);
  section.hidden = false;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const value = email.value.trim();
    const valid = /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value);
    error.hidden = valid;
    error.textContent = valid ? '' : x.invalidEmail;
    if (valid) email.removeAttribute('aria-invalid');
    else {
      email.setAttribute('aria-invalid', 'true');
      email.focus();
      return;
    }
    if (!eventId) return;
    button.disabled = true;
    button.textContent = x.sending;
    void fetch(`/api/events/${eventId}/registrations/resend-link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: value }),
    })
      .then((r) => {
        outcome.className = r.status === 429 ? 'notice notice--warning' : 'notice notice--success';
        outcome.textContent = r.status === 429 ? x.tooMany : x.sent;
      })
      .finally(() => {
        button.disabled = false;
        button.textContent = x.send;
      });
  });
}
