/**
 * Speakers written before their organisation and job title became bilingual hold each as one
 * string, in English: in drafts and in published versions, which never change. They read as
 * that text in English, with no French form, wherever a speaker is read back.
 */
import { asBilingual } from '../core/items.ts';

export function speakerAsRead<T extends { organisation?: unknown; jobTitle?: unknown }>(speaker: T): T {
  if (typeof speaker.organisation !== 'string' && typeof speaker.jobTitle !== 'string') return speaker;
  const { organisation, jobTitle, ...rest } = speaker;
  return {
    ...rest,
    ...(organisation === undefined ? {} : { organisation: asBilingual(organisation) }),
    ...(jobTitle === undefined ? {} : { jobTitle: asBilingual(jobTitle) }),
  } as T;
}
