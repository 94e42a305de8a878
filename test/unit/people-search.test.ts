import { describe, expect, it } from 'vitest';
import {
  nameAndEmailWords,
  personWords,
  searchTerms,
  termsMatch,
  textsMatch,
} from '../../renderer/domain/people-search';

// What a People search matches: each word typed starts a word of the person (name, e-mail, specialty,
// tags), accents and capitals ignored; a part inside a word does not match.

const LEA = {
  name: 'Léa  Martin-Dubois',
  email: 'lea.martin@clinic.example',
  specialty: 'Soins intensifs',
  tags: ['Wound care', 'ØSTERGAARD method'],
};

describe('the words of a person', () => {
  it('are the search keys of every word of the name, e-mail, specialty and tags, once each, sorted', () => {
    expect(personWords(LEA)).toEqual([
      'care',
      'clinic',
      'dubois',
      'example',
      'intensifs',
      'lea',
      'martin',
      'method',
      'ostergaard',
      'soins',
      'wound',
    ]);
    expect(nameAndEmailWords(LEA)).toEqual(['clinic', 'dubois', 'example', 'lea', 'martin']);
  });
});

describe('search terms', () => {
  it('split what was typed like the words, and drop a term another one typed starts with', () => {
    expect(searchTerms('  LÉA.Martin@ ')).toEqual(['lea', 'martin']);
    expect(searchTerms('mar martin')).toEqual(['martin']);
    expect(searchTerms('')).toEqual([]);
    expect(searchTerms('—')).toEqual([]);
  });

  it('match the start of a word only, every term in some word', () => {
    const words = personWords(LEA);
    expect(termsMatch(searchTerms('mar'), words)).toBe(true);
    expect(termsMatch(searchTerms('DUB'), words)).toBe(true);
    expect(termsMatch(searchTerms('oster'), words)).toBe(true);
    expect(termsMatch(searchTerms('artin'), words)).toBe(false);
    expect(termsMatch(searchTerms('lea wound'), words)).toBe(true);
    expect(termsMatch(searchTerms('lea surgery'), words)).toBe(false);
    expect(termsMatch([], words)).toBe(true);
    expect(textsMatch(searchTerms('jose lea'), ['José Ruiz with Léa Martin'])).toBe(true);
    expect(textsMatch(searchTerms('ose'), ['José Ruiz'])).toBe(false);
  });
});
