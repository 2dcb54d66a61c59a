/**
 * Scheduled Lambda (every five minutes in AWS, every 30 seconds in the local twin): lets
 * unverified registrations whose hold is due lapse, handing their seats on.
 */
import { createDocumentClient, requireEnv } from '../core/dynamo.ts';
import { expireHolds } from './holds.ts';
import { registrationStores } from './wiring.ts';

const deps = { ...registrationStores(createDocumentClient(), requireEnv('TABLE_NAME')), now: () => new Date() };

export const handler = async () => {
  // Stop well inside the function's timeout; what is left is due at the next run.
  const expired = await expireHolds(deps, Date.now() + 8_000);
  console.log(JSON.stringify({ level: 'info', message: 'holds swept', expired }));
  return { expired };
};
