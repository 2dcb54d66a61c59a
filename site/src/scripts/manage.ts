/** Manage my registration, from the private link (?token=<id>.<secret>) in the confirmation mail. */
import { renderSVG } from 'uqr';
import { t } from '../lib/i18n.ts';

type Reg = {
  id: string;
  status: 'confirmed' | 'waitlisted' | 'pending' | 'approved' | 'rejected' | 'cancelled';
  waitlistPosition?: number;
  firstName: string;
  lastName: string;
  email: string;
  organisation: string;
  jobTitle?: string;
  preferredLanguage: 'en' | 'fr';
  categoryId: string;
};
type EventInfo = { id: string; name: { en: string; fr?: string }; startDate: string; endDate: string } | null;

const KEY = 'conference:manage';

/** The link is a credential: keep it for this tab only and take it out of the address bar. */
function credentials(): { id: string; secret: string } | undefined {
  const url = new URL(location.href);
  const token = url.searchParams.get('token');
  if (token) {
    sessionStorage.setItem(KEY, token);
    url.searchParams.delete('token');
    history.replaceState(null, '', url.pathname);
  }
  const [id, secret] = (sessionStorage.getItem(KEY) ?? '').split('.');
  return id && secret ? { id, secret } : undefined;
}

function download(name: string, type: string, content: string) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([content], { type }));
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}

const icsDate = (date: string) => date.replaceAll('-', '');
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export async function startManage(root: HTMLElement) {
  const lang = root.dataset.lang === 'fr' ? 'fr' : 'en';
  const m = t(lang).manage;
  const event = JSON.parse(root.dataset.event ?? 'null') as EventInfo;
  const status = root.querySelector<HTMLElement>('#manage-status')!;
  const details = root.querySelector<HTMLElement>('#manage-details')!;
  const form = root.querySelector<HTMLFormElement>('#manage-form')!;
  const actions = root.querySelector<HTMLElement>('#manage-actions')!;
  const say = (message: string) => {
    status.textContent = message;
    status.focus();
  };
  const creds = credentials();
  if (!creds) return say(m.missing);
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`/api/registrations/${creds.id}${path}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${creds.secret}` },
    });

  const show = (reg: Reg) => {
    const rows: [string, string][] = [
      ['Status', `${m.status[reg.status]}${reg.waitlistPosition ? ` · ${m.position(reg.waitlistPosition)}` : ''}`],
      ['Name', `${reg.firstName} ${reg.lastName}`],
      ['Email', reg.email],
      ...(['confirmed', 'approved'].includes(reg.status)
        ? [[lang === 'fr' ? 'Code d’enregistrement' : 'Check-in code', reg.id] as [string, string]]
        : []),
    ];
    details.replaceChildren(
      ...rows.flatMap(([k, v]) => [
        Object.assign(document.createElement('dt'), { textContent: k }),
        Object.assign(document.createElement('dd'), { textContent: v }),
      ]),
    );
    details.hidden = false;
    // The check-in code as a QR code, for the registration desk's scanner.
    const qr = root.querySelector<HTMLElement>('#manage-qr')!;
    if (['confirmed', 'approved'].includes(reg.status)) {
      qr.innerHTML = renderSVG(reg.id, { border: 2 });
      qr.querySelector('svg')?.setAttribute('role', 'img');
      qr.querySelector('svg')?.setAttribute(
        'aria-label',
        `${lang === 'fr' ? 'Code QR d’enregistrement' : 'Check-in QR code'}: ${reg.id}`,
      );
      qr.hidden = false;
    } else qr.hidden = true;
    const ended = reg.status === 'cancelled' || reg.status === 'rejected';
    form.hidden = ended;
    actions.hidden = false;
    root.querySelector<HTMLButtonElement>('#m-cancel')!.hidden = ended;
    (form.elements.namedItem('organisation') as HTMLInputElement).value = reg.organisation;
    (form.elements.namedItem('jobTitle') as HTMLInputElement).value = reg.jobTitle ?? '';
    (form.elements.namedItem('preferredLanguage') as HTMLSelectElement).value = reg.preferredLanguage;
  };

  const load = async () => {
    const response = await call('');
    if (!response.ok) return say(m.missing);
    const reg = (await response.json()) as Reg;
    const data = (await (await call('/export')).json()) as {
      sensitive: { dietaryNeeds?: string; accessibilityNeeds?: string };
    };
    (form.elements.namedItem('dietaryNeeds') as HTMLTextAreaElement).value = data.sensitive.dietaryNeeds ?? '';
    (form.elements.namedItem('accessibilityNeeds') as HTMLTextAreaElement).value =
      data.sensitive.accessibilityNeeds ?? '';
    show(reg);
    status.textContent = '';
    return reg;
  };
  await load();

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    const body = {
      organisation: value('organisation'),
      ...(value('jobTitle') ? { jobTitle: value('jobTitle') } : {}),
      preferredLanguage: value('preferredLanguage'),
      dietaryNeeds: value('dietaryNeeds'),
      accessibilityNeeds: value('accessibilityNeeds'),
    };
    void call('', {
      method: 'PATCH',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    }).then(async (r) => {
      if (r.ok) {
        show((await r.json()) as Reg);
        say(m.saved);
      } else say(((await r.json()) as { detail?: string }).detail ?? m.missing);
    });
  });
  root.querySelector('#m-cancel')!.addEventListener('click', () => {
    if (!confirm(m.cancelConfirm)) return;
    void call('', { method: 'DELETE' }).then(async (r) => {
      if (r.ok) {
        show((await r.json()) as Reg);
        say(m.cancelled);
      }
    });
  });
  root.querySelector('#m-export')!.addEventListener('click', () => {
    void call('/export').then(async (r) =>
      download(`registration-${creds.id}.json`, 'application/json', JSON.stringify(await r.json(), null, 2)),
    );
  });
  root.querySelector('#m-erase')!.addEventListener('click', () => {
    if (!confirm(m.eraseConfirm)) return;
    void call('/erase', { method: 'POST' }).then((r) => {
      if (r.status === 204) {
        sessionStorage.removeItem(KEY);
        details.hidden = true;
        form.hidden = true;
        actions.hidden = true;
        say(m.erased);
      }
    });
  });
  root.querySelector('#m-calendar')!.addEventListener('click', () => {
    if (!event) return;
    const name = (lang === 'fr' ? event.name.fr : undefined) ?? event.name.en;
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Customs IT Conference//Registration//EN',
      'BEGIN:VEVENT',
      `UID:${creds.id}@conference`,
      `DTSTAMP:${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`,
      `DTSTART;VALUE=DATE:${icsDate(event.startDate)}`,
      `DTEND;VALUE=DATE:${icsDate(nextDay(event.endDate))}`,
      `SUMMARY:${name.replace(/([,;\\])/g, '\\$1')}`,
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    download(`${event.id}.ics`, 'text/calendar', ics);
  });
}
