/**
 * The one browser set-up of the e2e tests: Debian's headless Chromium through playwright-core,
 * a fresh context (cookies and storage of its own) for every page a test asks for, sign-in
 * through the local OpenID provider's page, and everything closed after each test.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AxeResults } from 'axe-core';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';

export const baseUrl = inject('baseUrl');

/**
 * Debian's `chromium-headless-shell` (the same Blink, without the browser's own layers; what
 * Playwright itself runs headless) when installed, else `chromium`. Measured here: a new page
 * costs 0.15 s of CPU against 0.5 s, a navigation 0.14 s against 0.4 s, and the e2e tier
 * 209 CPU-seconds of browser against 413.
 */
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export type SignInOptions = {
  /** Runs on the provider's sign-in page, before the email is sent (e.g. an accessibility scan). */
  atProvider?: (page: Page) => Promise<void>;
  /** Where to start: the stack answers on localhost and 127.0.0.1 alike. */
  origin?: string;
};

/**
 * Signs in from `startPath` through the local provider's page, and waits until the island
 * shows who is signed in (after any move to the area the role belongs to).
 */
export async function signIn(page: Page, startPath: string, email: string, options: SignInOptions = {}) {
  await page.goto(`${options.origin ?? baseUrl}${startPath}`);
  await page.getByRole('button', { name: /Sign in|Se connecter/ }).click();
  await page.waitForURL(/\/oidc\/interaction\//);
  await options.atProvider?.(page);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#signed-in-as').waitFor();
}

/**
 * One Chromium for the calling test file (launched before its tests, closed after them) and
 * fresh contexts on demand; every context a test opened is closed when the test ends,
 * whether it passed or not.
 */
export function useBrowser() {
  let browser: Browser | undefined;
  const contexts = new Set<BrowserContext>();
  const closeContexts = async () => {
    const open = [...contexts];
    contexts.clear();
    await Promise.all(open.map((context) => context.close()));
  };

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(closeContexts);
  afterAll(async () => {
    await closeContexts();
    await browser?.close();
  });

  /** A page in a context of its own (e.g. `{ javaScriptEnabled: false }`). */
  async function newPage(options: BrowserContextOptions = {}): Promise<Page> {
    if (!browser) throw new Error('useBrowser() must be called in a describe block, before its tests run');
    const context = await browser.newContext(options);
    contexts.add(context);
    // Playwright's 30 s for an action or a navigation is short on a loaded 2-core machine.
    context.setDefaultTimeout(60_000);
    return context.newPage();
  }

  /** A new page signed in as `email`, started from `startPath`. */
  async function signedIn(email: string, startPath = '/console/', options: SignInOptions = {}): Promise<Page> {
    const page = await newPage();
    await signIn(page, startPath, email, options);
    return page;
  }

  return { newPage, signedIn };
}

/** Messages of resources the page's content security policy refused, collected from now on. */
export function cspRefusals(page: Page): string[] {
  const refused: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) refused.push(message.text());
  });
  return refused;
}

export const AXE_SOURCE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe-core's WCAG 2.2 A and AA rules, run in the page as it is now. axe is evaluated through
 * the DevTools protocol, so the page's own content security policy does not block it, and
 * run in the page itself: @axe-core/playwright opened a second page for every scan (about
 * 1.3 s a scan here, against 0.2 s).
 */
export async function axeViolations(page: Page): Promise<AxeResults['violations']> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run: (c: Document, o: object) => Promise<AxeResults> } }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    WCAG_22_AA,
  );
  return results.violations;
}

/** WCAG 2.2 AA violations on the page, as "rule: target" strings (empty when clean). */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const violations = await axeViolations(page);
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
/**
 * Full-page screenshots for a person to look at (test/e2e/screenshots/, ignored by git), taken
 * only by `npm run screenshots` (SCREENSHOTS=1): `npm test` asserts, and 69 shots cost it time.
 */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}) {
  if (process.env.SCREENSHOTS !== '1') return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage });
}

/**
 * The page as it is now at the desktop width and at 390 px (`name`-desktop, `name`-phone);
 * `fullPage: false` keeps the viewport only, where a modal dialog shows.
 */
export async function screenshotsAtBothWidths(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  if (process.env.SCREENSHOTS !== '1') return;
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  await page.setViewportSize({ width: 1280, height: 900 });
  await screenshot(page, `${name}-desktop`, options);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `${name}-phone`, options);
  await page.setViewportSize(size);
}
