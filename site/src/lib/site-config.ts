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

/**
 * Days after the event that personal data is kept, as the privacy notice says it: the value
 * the functions delete by (RETENTION_DAYS; CDK and the deploy script set both from the stage).
 */
export const retentionDays = (() => {
  const raw = process.env.RETENTION_DAYS ?? '90';
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1)
    throw new Error(`RETENTION_DAYS must be a whole number of days, not "${raw}"`);
  return days;
})();
