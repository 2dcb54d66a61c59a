/**
 * Scheduled Lambda (every five minutes in AWS, every 30 seconds in the local twin): lets
 * unverified registrations whose hold is due lapse, handing their seats on, then reminds
 * and cancels unpaid registrations of paid categories (payment-sweep.ts).
 */
import { createDocumentClient, requireEnv } from '../core/dynamo.ts';
import { expireHolds } from './holds.ts';
import { sweepPayments } from './payment-sweep.ts';
import { registrationStores } from './wiring.ts';

const deps = {
  ...registrationStores(createDocumentClient(), requireEnv('TABLE_NAME')),
  siteUrl: requireEnv('SITE_URL'),
  now: () => new Date(),
};

export const handler = async () => {
  // Stop well inside the function's timeout; what is left is due at the next run.
  const expired = await expireHolds(deps, Date.now() + 5_000);
  const payments = await sweepPayments(deps, Date.now() + 4_000);
  console.log(JSON.stringify({ level: 'info', message: 'holds and payments swept', expired, ...payments }));
  return { expired, ...payments };
};
