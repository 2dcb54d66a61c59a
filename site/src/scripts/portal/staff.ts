/** Booth staff within the tier's passes: "3 of 4 passes used", the list, add and remove. */
import { COUNTRY_CODES } from '../../../../functions/core/countries.ts';
import { fill, plural } from '../../i18n/format.ts';
import type { StaffMember } from '../../lib/api-types.ts';
import { api } from '../../lib/session.ts';
import { ask } from '../ask.ts';
import { el } from '../dom.ts';
import type { PortalConfig } from './types.ts';
import { feedback, field, json, problemText, uid } from './ui.ts';

type StaffList = { items: StaffMember[]; passes: number; used: number };

export async function staffPanel(sponsorId: string, config: PortalConfig): Promise<HTMLElement> {
  const t = config.text;
  const count = el('p', { class: 'passes' });
  const list = el('ul', { class: 'staff-list' });
  const listSay = feedback();
  const firstName = el('input', { autocomplete: 'off', required: '' });
  const lastName = el('input', { autocomplete: 'off', required: '' });
  const email = el('input', { type: 'email', autocomplete: 'off', required: '' });
  const names = new Intl.DisplayNames([config.lang], { type: 'region' });
  const collator = new Intl.Collator(config.lang);
  const country = el(
    'select',
    { required: '' },
    el('option', { value: '' }, t.chooseCountry),
    ...COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code }))
      .sort((a, b) => collator.compare(a.name, b.name))
      .map((c) => el('option', { value: c.code }, c.name)),
  );
  const add = el('button', { type: 'submit' }, t.addStaff);
  const say = feedback();
  const form = el(
    'form',
    { class: 'staff-form' },
    field(t.staffFirstName, firstName),
    field(t.staffLastName, lastName),
    field(t.staffEmail, email),
    field(t.staffCountry, country),
    el('div', { class: 'actions' }, add),
    say.node,
  );
  let full = false;

  const refresh = async () => {
    const response = await api(`/api/sponsors/${sponsorId}/staff`);
    if (!response.ok) return listSay(fill(t.failed, { detail: await problemText(response) }), true);
    const staff = (await response.json()) as StaffList;
    // The form follows the number of passes ("1 of 4 passes used").
    count.textContent = plural(config.lang, t.passesUsed, staff.passes, { n: staff.used, total: staff.passes });
    full = staff.used >= staff.passes;
    add.setAttribute('aria-disabled', String(full));
    list.replaceChildren(
      ...(staff.items.length === 0
        ? [el('li', {}, t.noStaff)]
        : staff.items.map((member) => {
            const name = `${member.firstName} ${member.lastName}`;
            const remove = el('button', { type: 'button', class: 'danger' }, fill(t.removeStaff, { name }));
            remove.addEventListener('click', async () => {
              const question = fill(t.removeStaffQuestion, { name });
              if (!(await ask(question, { yes: t.removeStaffYes, no: t.removeStaffNo }))) return;
              void api(`/api/sponsors/${sponsorId}/staff/${encodeURIComponent(member.staffId)}`, {
                method: 'DELETE',
              }).then(async (r) => {
                if (!r.ok) return listSay(fill(t.failed, { detail: await problemText(r) }), true);
                listSay(fill(t.staffRemoved, { name }));
                await refresh();
                // The pressed button went with its row: keep the place on what was said.
                listSay.node.focus();
              });
            });
            return el('li', {}, el('span', {}, `${name} · ${member.email}`), ' ', remove);
          })),
    );
  };

  // The API's field errors, shown on the fields with their labels (its messages are English).
  const controls = { firstName, lastName, email, country };
  const labels = {
    firstName: t.staffFirstName,
    lastName: t.staffLastName,
    email: t.staffEmail,
    country: t.staffCountry,
  };
  const invalidFields = async (response: Response) => {
    const body = (await response.json().catch(() => ({}))) as { errors?: { path: string }[] };
    const paths = new Set((body.errors ?? []).map((e) => e.path.split('.')[0]));
    return Object.keys(controls).filter((key) => paths.has(key));
  };
  form.addEventListener('input', (event) => {
    if (event.target instanceof Element) event.target.removeAttribute('aria-invalid');
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (full) return say(t.noPassesLeft, true);
    if (!form.reportValidity()) return;
    const name = `${firstName.value.trim()} ${lastName.value.trim()}`;
    void api(`/api/sponsors/${sponsorId}/staff`, {
      method: 'POST',
      ...json({
        firstName: firstName.value.trim(),
        lastName: lastName.value.trim(),
        email: email.value.trim(),
        country: country.value,
      }),
    }).then(async (r) => {
      if (r.status === 422) {
        const invalid = await invalidFields(r.clone());
        if (invalid.length > 0) {
          for (const [key, control] of Object.entries(controls)) {
            if (invalid.includes(key)) control.setAttribute('aria-invalid', 'true');
          }
          controls[invalid[0] as keyof typeof controls].focus();
          return say(
            fill(t.checkFields, { fields: invalid.map((key) => labels[key as keyof typeof labels]).join(', ') }),
            true,
          );
        }
      }
      if (!r.ok) return say(fill(t.failed, { detail: await problemText(r) }), true);
      say(fill(t.staffAdded, { name }));
      form.reset();
      await refresh();
    });
  });

  await refresh();
  const id = uid('staff');
  return el(
    'section',
    { 'aria-labelledby': id, class: 'panel' },
    el('h3', { id }, t.staffHeading),
    count,
    list,
    listSay.node,
    form,
  );
}
