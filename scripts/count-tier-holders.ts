/**
 * `TABLE_NAME=<table> AWS_REGION=<region> npx node scripts/count-tier-holders.ts`: once, for a
 * stage deployed before the sponsor tiers counted the sponsors holding them (which keeps a
 * tier from being removed while a sponsor holds it). Run it right after deploying that
 * version; until then, organisers' changes to tiers and sponsors answer 503. Running it again
 * counts nothing. Needs AWS credentials that may scan and write the table.
 */
import { createDocumentClient, requireEnv } from '../functions/core/dynamo.ts';
import { countTierHolders } from './tier-holder-count.ts';

const tableName = requireEnv('TABLE_NAME');
const { events, unlisted } = await countTierHolders(createDocumentClient(), tableName);
console.log(`Counted the sponsors of each tier for ${events} event(s) in ${tableName}.`);
for (const { eventId, sponsorId, tier } of unlisted) {
  console.log(`${eventId}: sponsor ${sponsorId} holds tier ${tier}, which the tier list no longer has; move it.`);
}
