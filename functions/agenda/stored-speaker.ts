/**
 * Speakers written before their organisation and job title became bilingual hold each as one
 * string, in English: in drafts and in published versions, which never change. They read as
 * that text in English, with no French form, wherever a speaker is read back.
 */
type Line = { en: string; fr?: string };

const asLine = (value: unknown): Line | undefined =>
  typeof value === 'string' ? { en: value } : (value as Line | undefined);

export function speakerAsRead<T extends { organisation?: unknown; jobTitle?: unknown }>(speaker: T): T {
  if (typeof speaker.organisation !== 'string' && typeof speaker.jobTitle !== 'string') return speaker;
  const { organisation, jobTitle, ...rest } = speaker;
  return {
    ...rest,
    ...(organisation === undefined ? {} : { organisation: asLine(organisation) }),
    ...(jobTitle === undefined ? {} : { jobTitle: asLine(jobTitle) }),
  } as T;
}
