/** What the sponsors app runs on, wired once for the Lambda, the local twin and the tests. */
import type { DocumentClient } from '../core/dynamo.ts';
import { createEventReader } from '../events/public.ts';
import { createLeadSource, createStaffRegistrar } from '../registrations/public.ts';
import { type S3ClientSource, s3LogoStorage } from './logos.ts';
import { createStaffStore } from './staff-store.ts';
import { createSponsorsStore } from './store.ts';

export type SponsorWiring = {
  siteUrl: string;
  /** Days after the event's end that staff registrations are kept. */
  retentionDays: number;
  now: () => Date;
  s3: S3ClientSource;
  logosBucket: string;
  /** The URL browsers post logos to, when not the bucket's own (the local twin's /_s3/<bucket>). */
  uploadUrl?: string;
};

export function sponsorStores(doc: DocumentClient, tableName: string, options: SponsorWiring) {
  const events = createEventReader(doc, tableName);
  return {
    store: createSponsorsStore(doc, tableName),
    staff: createStaffStore(doc, tableName),
    events,
    registrar: createStaffRegistrar(doc, tableName, { ...options, events }),
    leads: createLeadSource(doc, tableName),
    logos: s3LogoStorage(options.s3, options.logosBucket, options.uploadUrl),
  };
}
