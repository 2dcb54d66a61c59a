/**
 * Driving a page with the keyboard only, as a person without a pointer does: Tab / Shift+Tab
 * from wherever the focus is until the control they want has it, then Enter, Space, arrows or
 * typing. Every stop on the way is checked: the focus moved (no keyboard trap), the control
 * shows a focus ring (WCAG 2.4.7) and is on screen.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The element that has the focus, as a keyboard user perceives it. */
export type Focused = {
  tag: string;
  id: string;
  /** The accessible name, approximated: aria-label, aria-labelledby, the label, the text, the title. */
  name: string;
  /** The aria-label of the nearest navigation or dialog landmark around it (or ''). */
  within: string;
  /** It has a visible focus indicator (an outline or a box shadow while :focus-visible). */
  ring: boolean;
  /** The same element had the focus at the previous look (the key did not move it). */
  same: boolean;
  /** A control whose own parts take Tab (date and time fields). */
  parts: boolean;
  /** In the Tab order (not a heading or message the page focused to announce it). */
  tabbable: boolean;
  /** The focus is on a part the browser draws and rings itself (a date field's calendar button). */
  native: boolean;
};

export type Target = string | RegExp | ((focused: Focused) => boolean);

const matches = (target: Target, focused: Focused) =>
  typeof target === 'function'
    ? target(focused)
    : typeof target === 'string'
      ? focused.name === target
      : target.test(focused.name);

/** What has the focus now (null: nothing, i.e. the body). */
export function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const holder = window as unknown as { __lastFocused?: Element | null };
    const node = document.activeElement;
    const same = holder.__lastFocused === node;
    holder.__lastFocused = node;
    if (!(node instanceof HTMLElement) || node === document.body) return null;
    // Collapses only ASCII white space: French text keeps its narrow no-break spaces.
    const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/[ \t\r\n\f]+/g, ' ').trim();
    const labelledBy = node.getAttribute('aria-labelledby');
    const labels = (node as HTMLInputElement).labels;
    const name =
      node.getAttribute('aria-label') ||
      (labelledBy
        ? labelledBy
            .split(/\s+/)
            .map((id) => text(document.getElementById(id)))
            .join(' ')
        : '') ||
      (labels?.length ? text(labels[0]) : '') ||
      text(node) ||
      node.getAttribute('title') ||
      '';
    const style = getComputedStyle(node);
    const rect = node.getBoundingClientRect();
    const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2;
    const shown = rect.width > 0 && rect.height > 0 && rect.right > 0 && rect.bottom > 0;
    const landmark = node.closest('nav[aria-label], dialog, [role="dialog"]');
    const within =
      landmark?.getAttribute('aria-label') ||
      text(document.getElementById(landmark?.getAttribute('aria-labelledby') ?? '')) ||
      '';
    return {
      tag: node.tagName.toLowerCase(),
      id: node.id,
      name,
      within,
      ring: node.matches(':focus-visible') && (outline || style.boxShadow !== 'none') && shown,
      same,
      parts: node instanceof HTMLInputElement && /^(date|time|datetime-local|month|week)$/.test(node.type),
      tabbable: node.tabIndex >= 0,
      // Chromium's date and time fields end on their own calendar button, which the browser
      // rings itself (thin and dark) while the field stops matching :focus and our CSS.
      native: node.matches('input') && !node.matches(':focus'),
    };
  });
}

/** A keyboard for `page`, remembering every stop where the focus could not be seen. */
export function keyboardOf(page: Page) {
  const unseen = new Set<string>();
  const describe = (f: Focused) => `${f.tag}${f.id ? `#${f.id}` : ''} "${f.name.slice(0, 60)}"`;
  const look = async () => {
    const now = await focused(page);
    if (now?.tabbable && !now.native && !now.ring) unseen.add(describe(now));
    return now;
  };

  return {
    /** Controls in the Tab order that had the focus without a visible indicator (should stay empty). */
    unseen,

    /**
     * Presses Tab (or Shift+Tab) until `target` has the focus, at most `max` times; fails on a
     * keyboard trap (a Tab that leaves the focus where it was) and when the target never comes.
     */
    async tabTo(target: Target, { back = false, max = 150 } = {}): Promise<Focused> {
      const path: string[] = [];
      await focused(page); // remembers where we start from
      for (let n = 0; n < max; n += 1) {
        await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
        const now = await look();
        if (!now) {
          path.push('(document)');
          continue;
        }
        if (now.same && !now.parts) throw new Error(`Keyboard trap: Tab leaves the focus on ${describe(now)}`);
        path.push(describe(now));
        if (matches(target, now)) return now;
      }
      throw new Error(`${String(target)} not reached in ${max} presses of Tab; went through:\n${path.join('\n')}`);
    },

    /** Waits until the focus is on `target` (after something the page does moves it). */
    async expectFocus(target: Target): Promise<Focused> {
      await expect
        .poll(async () => {
          const now = await focused(page);
          return now && matches(target, now) ? 'focused' : `focus on ${now ? describe(now) : '(document)'}`;
        })
        .toBe('focused');
      return (await look())!;
    },

    press: (key: string) => page.keyboard.press(key),
    type: (text: string) => page.keyboard.type(text),

    /** Selects everything in the focused field and types `text` over it. */
    async replace(text: string) {
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(text);
    },
  };
}
