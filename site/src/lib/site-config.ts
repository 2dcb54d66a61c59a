/**
 * Figures the organisers announce for this edition (shown on the home page as expected
 * figures, never as live counts). Edit them per edition, or set KEY_FIGURES at build time
 * as "delegates,countries,exhibitors" (e.g. "1200,130,70").
 */
const [delegates = 1200, countries = 130, exhibitors = 70] = (process.env.KEY_FIGURES ?? '')
  .split(',')
  .filter(Boolean)
  .map(Number);

export const keyFigures = { delegates, countries, exhibitors };
