import { describe, expect, it } from 'vitest';
import { collationKey } from '../../renderer/domain/people-sort';

// A column's sort key, compared code unit by code unit as an index compares it, reads text as a person
// does (and as a collator ignoring accents and capitals and reading numbers as numbers): checked pair by
// pair over the kinds of values a clinic's specialties and tags hold.

const VALUES = [
  'Emergency',
  'émergency',
  'EMERGENCY',
  'Emergency care',
  'Emergency-care',
  'Emergencycare',
  'Emergency 2',
  'Emergency 10',
  'Emergency 010',
  'Emergency2',
  'Pédiatrie',
  'pediatrie',
  'Pediatrics',
  'Room 2',
  'Room 2b',
  'Room 10',
  'room 02',
  'Room',
  'A E',
  'A-E',
  'AE',
  'A/E',
  'Oncology/Haematology',
  'Oncology',
  'Zürich unit',
  'Zurich',
  'ICU',
  'icu',
  'night, float',
  'night',
  'Night, preceptor',
  'Équipe 2',
  'equipe 10',
  '2nd floor',
  '10th floor',
  'Ward 7, night',
];

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const sign = (value: number) => Math.sign(value);
const byKey = (a: string, b: string) => {
  const [x, y] = [collationKey(a), collationKey(b)];
  return x < y ? -1 : x > y ? 1 : 0;
};

describe("the People list's sort key", () => {
  it('orders every pair of ordinary values as a collator ignoring accents and capitals does', () => {
    const disagreements: string[] = [];
    for (const a of VALUES)
      for (const b of VALUES)
        if (sign(byKey(a, b)) !== sign(collator.compare(a, b)))
          disagreements.push(`${a} / ${b}: key ${byKey(a, b)}, collator ${collator.compare(a, b)}`);
    expect(disagreements).toEqual([]);
  });

  it('reads numbers as numbers and keeps accents and capitals out', () => {
    expect(byKey('Room 2', 'Room 10')).toBe(-1);
    expect(byKey('Room 02', 'Room 2')).toBe(0);
    expect(collationKey('Émergency')).toBe(collationKey('emergency'));
    expect(collationKey('ICU')).toBe('icu');
  });

  it('gives a blank value the empty key, and any shown text a key', () => {
    expect(collationKey('')).toBe('');
    expect(collationKey('   ')).toBe('');
    expect(collationKey('-')).not.toBe('');
    expect(collationKey('0')).not.toBe('');
  });
});
