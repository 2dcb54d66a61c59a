import { describe, expect, it } from 'vitest';
import { fill, localized } from '../../site/src/i18n/format.ts';

describe('filling in texts', () => {
  it('replaces known names and leaves unknown ones', () => {
    expect(fill('Sessions of {name} ({n})', { name: 'Amara Diallo', n: 2 })).toBe('Sessions of Amara Diallo (2)');
    expect(fill('Hello {who}', {})).toBe('Hello {who}');
  });

  it('elides French "de" before a vowel, and only there', () => {
    expect(fill('Séances de {name} (.ics)', { name: 'Amara Diallo' })).toBe('Séances d’Amara Diallo (.ics)');
    expect(fill('Heures de {city} ({zone})', { city: 'Ottawa', zone: 'UTC−4' })).toBe('Heures d’Ottawa (UTC−4)');
    expect(fill('Logo de {name}', { name: 'Édouard SA' })).toBe('Logo d’Édouard SA');
    expect(fill('Séances de {name} (.ics)', { name: 'Sophie Martin' })).toBe('Séances de Sophie Martin (.ics)');
    expect(fill('Heures de {city} ({zone})', { city: 'Lisbonne', zone: 'UTC+1' })).toBe('Heures de Lisbonne (UTC+1)');
    // English words ending in "de" are not French "de".
    expect(fill('Code {code}', { code: 'A12' })).toBe('Code A12');
    expect(fill('Made {n} changes', { n: 'eight' })).toBe('Made eight changes');
  });
});

describe('French text from organisers', () => {
  it('binds the sign to the word before it where the author typed a space', () => {
    expect(
      localized(
        { en: 'Data lakes : first lessons', fr: 'Lacs de données : premiers enseignements ; et après ? « Oui » !' },
        'fr',
      ),
    ).toBe('Lacs de données\u202f: premiers enseignements\u202f; et après\u202f? «\u202fOui\u202f»\u202f!');
  });

  it('leaves English, times and addresses as they are', () => {
    expect(localized({ en: 'Data lakes : first lessons' }, 'fr')).toBe('Data lakes : first lessons');
    expect(localized({ en: 'x', fr: 'De 09:00 à 10:00, https://exemple.fr' }, 'fr')).toBe(
      'De 09:00 à 10:00, https://exemple.fr',
    );
  });
});
