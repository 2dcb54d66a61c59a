/**
 * The console's categories: every field of each category editable (French included, price,
 * capacity, waiting list, approval, opening and closing, payment reminder and cancellation
 * days), and a form for a new one.
 */
import { fill, localized, plural } from '../../i18n/format.ts';
import type { CategoryUpdate } from '../../lib/api-types.ts';
import { type LiveCategory, stateOf } from '../../lib/live.ts';
import { api } from '../../lib/session.ts';
import { el } from '../dom.ts';
import { publicEvent } from './common.ts';
import { type ConsoleContext, problem } from './shell.ts';

type Editable = Partial<LiveCategory> & { payment?: { reminderAfterDays: number; cancelAfterDays: number } };

const CURRENCIES = ['EUR', 'USD', 'CHF', 'GBP', 'XOF', 'XAF', 'ZAR', 'KES', 'CAD', 'JPY'];
const pad = (n: number) => String(n).padStart(2, '0');
/** An ISO instant as the value of a datetime-local input (the browser's zone). */
const toLocal = (iso: string | undefined) => {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
const digitsOf = (currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
/** "450", "450.5", "450,50" → minor units, without floating-point arithmetic. */
export function toMinor(text: string, currency: string): number | undefined {
  const match = /^\s*(\d{1,9})(?:[.,](\d{0,3}))?\s*$/.exec(text);
  if (!match) return undefined;
  const digits = digitsOf(currency);
  const fraction = (match[2] ?? '').padEnd(digits, '0');
  if (fraction.length > digits) return undefined;
  return Number(match[1]) * 10 ** digits + Number(fraction || '0');
}
const fromMinor = (amount: number, currency: string) => {
  const digits = digitsOf(currency);
  const whole = Math.floor(amount / 10 ** digits);
  return digits ? `${whole}.${String(amount % 10 ** digits).padStart(digits, '0')}` : String(whole);
};

export default async function categories(context: ConsoleContext) {
  const { eventId, lang, body, say, text } = context;
  const c = text.categories;
  const event = await publicEvent(eventId);

  /** The form for one category (or a new one when `category` is undefined). */
  const editor = (category: Editable | undefined) => {
    const key = category?.id ?? 'new';
    const id = (name: string) => `cat-${key}-${name}`;
    const input = (name: string, label: string, attrs: Record<string, string> = {}, hint?: string) => {
      const control = el('input', { id: id(name), name, ...attrs });
      const hintId = hint ? `${id(name)}-hint` : undefined;
      if (hintId) control.setAttribute('aria-describedby', hintId);
      const field =
        attrs.type === 'checkbox'
          ? el('div', { class: 'check field' }, control, el('label', { for: id(name) }, label))
          : el(
              'div',
              { class: 'field' },
              el('label', { for: id(name) }, label),
              ...(hint ? [el('p', { class: 'hint', id: hintId ?? '' }, hint)] : []),
              control,
            );
      return { control, field };
    };
    const checked = (on: boolean | undefined): Record<string, string> => (on ? { checked: '' } : {});
    const nameEn = input('nameEn', c.nameEn, { required: '', value: category?.name?.en ?? '' });
    const nameFr = input('nameFr', c.nameFr, { value: category?.name?.fr ?? '', lang: 'fr' });
    const eligibilityEn = input('eligibilityEn', c.eligibilityEn, { value: category?.eligibility?.en ?? '' });
    const eligibilityFr = input('eligibilityFr', c.eligibilityFr, {
      value: category?.eligibility?.fr ?? '',
      lang: 'fr',
    });
    const taken =
      category?.capacity !== undefined && category.available !== undefined
        ? fill(c.taken, { taken: category.capacity - category.available, available: category.available })
        : undefined;
    const capacity = input(
      'capacity',
      c.capacity,
      {
        type: 'number',
        min: '0',
        required: '',
        inputmode: 'numeric',
        value: category?.capacity !== undefined ? String(category.capacity) : '',
      },
      taken,
    );
    const waitlist = input('waitlist', c.waitlist, {
      type: 'checkbox',
      ...checked(category ? category.waitlist : true),
    });
    const approval = input('approval', c.approval, { type: 'checkbox', ...checked(category?.requiresApproval) });
    const opens = input(
      'opensAt',
      c.opensAt,
      { type: 'datetime-local', value: toLocal(category?.opensAt) },
      c.timeHint,
    );
    const closes = input(
      'closesAt',
      c.closesAt,
      { type: 'datetime-local', value: toLocal(category?.closesAt) },
      c.timeHint,
    );
    const currencyValue = category?.price?.currency ?? 'EUR';
    const price = input(
      'price',
      c.price,
      { inputmode: 'decimal', value: category?.price ? fromMinor(category.price.amount, currencyValue) : '' },
      c.priceHint,
    );
    const currency = el(
      'select',
      { id: id('currency'), name: 'currency' },
      ...CURRENCIES.map((code) =>
        el('option', code === currencyValue ? { value: code, selected: '' } : { value: code }, code),
      ),
    );
    const reminder = input('reminder', c.reminderDays, {
      type: 'number',
      min: '1',
      max: '365',
      inputmode: 'numeric',
      value: category?.payment ? String(category.payment.reminderAfterDays) : '',
    });
    const cancel = input('cancel', c.cancelDays, {
      type: 'number',
      min: '1',
      max: '365',
      inputmode: 'numeric',
      value: category?.payment ? String(category.payment.cancelAfterDays) : '',
    });
    const title = category ? localized(category.name ?? { en: key }, lang) : c.newHeading;
    const submit = el('button', { type: 'submit' }, category ? c.saveShort : c.add);
    if (category) submit.setAttribute('aria-label', fill(c.save, { name: title }));
    const form = el(
      'form',
      { novalidate: '', 'aria-label': category ? fill(c.edit, { name: title }) : c.newHeading },
      el(
        'div',
        { class: 'cols' },
        el(
          'fieldset',
          {},
          el('legend', {}, c.identity),
          nameEn.field,
          nameFr.field,
          eligibilityEn.field,
          eligibilityFr.field,
        ),
        el('fieldset', {}, el('legend', {}, c.seats), capacity.field, waitlist.field, approval.field),
        el('fieldset', {}, el('legend', {}, c.timing), opens.field, closes.field),
        el(
          'fieldset',
          {},
          el('legend', {}, c.money),
          price.field,
          el('div', { class: 'field' }, el('label', { for: id('currency') }, c.currency), currency),
          reminder.field,
          cancel.field,
        ),
      ),
      submit,
    );
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const at = (value: string) => (value ? new Date(value).toISOString() : undefined);
      const bilingual = (en: string, fr: string) =>
        en.trim() ? { en: en.trim(), ...(fr.trim() ? { fr: fr.trim() } : {}) } : undefined;
      const amount = price.control.value.trim() ? toMinor(price.control.value, currency.value) : undefined;
      if (price.control.value.trim() && amount === undefined) {
        price.control.setAttribute('aria-invalid', 'true');
        return price.control.focus();
      }
      price.control.removeAttribute('aria-invalid');
      const days =
        reminder.control.value && cancel.control.value
          ? { reminderAfterDays: Number(reminder.control.value), cancelAfterDays: Number(cancel.control.value) }
          : undefined;
      const name = bilingual(nameEn.control.value, nameFr.control.value);
      const eligibility = bilingual(eligibilityEn.control.value, eligibilityFr.control.value);
      const payload = {
        ...(name ? { name } : {}),
        ...(eligibility ? { eligibility } : {}),
        capacity: Number(capacity.control.value),
        waitlist: waitlist.control.checked,
        requiresApproval: approval.control.checked,
        ...(at(opens.control.value) ? { opensAt: at(opens.control.value) } : {}),
        ...(at(closes.control.value) ? { closesAt: at(closes.control.value) } : {}),
        ...(amount ? { price: { amount, currency: currency.value } } : {}),
        ...(days ? { payment: days } : {}),
      };
      const response = await api(`/api/events/${eventId}/categories${category ? `/${category.id}` : ''}`, {
        method: category ? 'PATCH' : 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
      });
      if (response.status === 412) return say(c.stale, true);
      if (!response.ok) return say(await problem(response, text), true);
      const saved = localized(payload.name ?? { en: key }, lang);
      if (category) {
        const { promoted } = (await response.json()) as CategoryUpdate;
        say(plural(lang, c.saved, promoted ?? 0, { name: saved }));
      } else {
        say(fill(c.added, { name: saved }));
        form.reset();
      }
    });
    return form;
  };

  body.replaceChildren(
    el('p', { class: 'lead' }, c.intro),
    el(
      'section',
      { 'aria-label': c.title },
      ...event.categories.map((category) =>
        el(
          'details',
          { class: 'category-edit' },
          el(
            'summary',
            {},
            localized(category.name, lang),
            el('span', { class: `badge badge--${stateOf(category)}` }, context.state[stateOf(category)]),
          ),
          editor(category),
        ),
      ),
    ),
    el(
      'section',
      { 'aria-labelledby': 'new-category-heading', class: 'card' },
      el('h2', { id: 'new-category-heading' }, c.newHeading),
      editor(undefined),
    ),
  );
}
