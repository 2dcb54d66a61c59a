import { describe, expect, it } from 'vitest';
import { metaDescription } from '../../site/src/lib/meta-description.ts';

describe('a page’s meta description', () => {
  it('keeps a short text as it is, with its spaces tidied', () => {
    expect(metaDescription('  Risk  management\nfor customs. ')).toBe('Risk management for customs.');
  });

  it('reduces markup to its text', () => {
    expect(metaDescription('<p>Scanners &amp; <strong>AI</strong></p><ul><li>x-ray</li></ul>')).toBe(
      'Scanners & AI x-ray',
    );
  });

  it('ends a long text at a word boundary with an ellipsis, within 155 characters', () => {
    const text = 'Customs data, risk and trade facilitation. '.repeat(6);
    const described = metaDescription(text);
    expect(described).toBe(
      'Customs data, risk and trade facilitation. Customs data, risk and trade facilitation. Customs data, risk and trade facilitation. Customs data, risk and…',
    );
    expect(described!.length).toBeLessThanOrEqual(155);
  });

  it('gives nothing for no text, so the page falls back to the site’s description', () => {
    expect(metaDescription(undefined)).toBeUndefined();
    expect(metaDescription('<p> </p>')).toBeUndefined();
  });
});
