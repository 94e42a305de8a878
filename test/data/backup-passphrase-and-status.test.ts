import { describe, expect, it } from 'vitest';
import { backupFileName } from '../../renderer/data/backup';
import { measurePassphrase } from '../../renderer/domain/passphrase-strength';
import { backupAge } from '../../renderer/features/dashboard/BackupStatus';

describe('backup passphrases', () => {
  it('refuses a common password, with the reason', async () => {
    const strength = await measurePassphrase('password123');
    expect(strength.acceptable).toBe(false);
    expect(strength.score).toBeLessThan(3);
    expect(strength.reason).toMatch(/too easy to guess/);
  });

  it('refuses a short passphrase, however random', async () => {
    const strength = await measurePassphrase('x7#Qp2!');
    expect(strength.acceptable).toBe(false);
    expect(strength.reason).toMatch(/at least 10 characters/);
  });

  it("refuses the clinic's own name", async () => {
    const strength = await measurePassphrase('RiversideClinic', ['Riverside Clinic']);
    expect(strength.acceptable).toBe(false);
  });

  const march2026 = new Date('2026-03-10T12:00:00Z');
  for (const [passphrase, why] of [
    ['Summer2026!!', 'a season, the year and symbols'],
    ['Mentor#2026#', "the program's own word and the year"],
    ['BackupDec2026', 'the word backup, the month and the year'],
    ['Riverside Clinic2026!', "the clinic's name and the year"],
    ['Riverside2026!', "a word of the clinic's name and the year"],
  ] as const)
    it(`refuses "${passphrase}" (${why}): fewer than 10^10 guesses`, async () => {
      const strength = await measurePassphrase(passphrase, ['Riverside Clinic'], march2026);
      expect(strength.acceptable).toBe(false);
      expect(strength.reason).toMatch(/too easy to guess/);
      expect(strength.label).not.toMatch(/strong/i);
    });

  it('counts the current year against a passphrase, whichever year it is', async () => {
    expect((await measurePassphrase('Seashore#2031', [], new Date('2026-06-01T12:00:00Z'))).acceptable).toBe(
      true,
    );
    expect((await measurePassphrase('Seashore#2031', [], new Date('2031-06-01T12:00:00Z'))).acceptable).toBe(
      false,
    );
  });

  it('accepts a long random passphrase of mixed words and numbers', async () => {
    const strength = await measurePassphrase('lantern-orchard-silver-81', ['Riverside Clinic'], march2026);
    expect(strength.acceptable).toBe(true);
  });

  it('accepts four unrelated words', async () => {
    const strength = await measurePassphrase('orchard lantern velvet harbour');
    expect(strength.acceptable).toBe(true);
    expect(strength.reason).toBeNull();
    expect(strength.label).toMatch(/strong/i);
  });
});

describe('the dashboard backup status', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  it('warns when no backup was ever made', () => {
    expect(backupAge(null, 7, now)).toEqual({ state: 'never' });
  });
  it('is calm within the limit and warns past it', () => {
    expect(backupAge('2026-03-03T12:00:00Z', 7, now)).toMatchObject({ state: 'recent', days: 7 });
    expect(backupAge('2026-03-02T12:00:00Z', 7, now)).toMatchObject({ state: 'overdue', days: 8 });
    expect(backupAge('2026-03-02T12:00:00Z', 14, now)).toMatchObject({ state: 'recent' });
  });
});

describe('backup file names', () => {
  it('are named after the clinic and the day, with characters no disk accepts replaced', () => {
    const day = new Date(2026, 2, 1, 9, 30);
    expect(backupFileName('Riverside Clinic', day)).toBe('Riverside Clinic backup 2026-03-01.age');
    expect(backupFileName('St. John: A/B "North"', day)).toBe('St. John- A-B -North- backup 2026-03-01.age');
    expect(backupFileName('   ', day)).toBe('Guiding Hands backup 2026-03-01.age');
  });
});
