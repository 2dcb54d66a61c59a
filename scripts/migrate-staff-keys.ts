/**
 * `TABLE_NAME=<table> AWS_REGION=<region> npx node scripts/migrate-staff-keys.ts`: once, for a
 * stage deployed before booth staff and pass counters moved from SPONSOR#<sponsorId> to
 * STAFF#<sponsorId>. Run it right after deploying the version that moved them; running it
 * again moves nothing. Needs AWS credentials that may scan and write the table.
 */
import { createDocumentClient, requireEnv } from '../functions/core/dynamo.ts';
import { createStaffSponsorNamer } from '../functions/registrations/public.ts';
import { moveStaffToOwnPartition } from './staff-key-move.ts';

const tableName = requireEnv('TABLE_NAME');
const doc = createDocumentClient();
const moved = await moveStaffToOwnPartition(doc, tableName, createStaffSponsorNamer(doc, tableName));
console.log(`Moved ${moved.counters} pass counter(s) and ${moved.staff} member(s) of booth staff in ${tableName}.`);
