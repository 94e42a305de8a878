import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

// How hard a passphrase is to guess, measured with zxcvbn (its dictionaries are large, so they load only
// when the backup screen first asks). Anyone holding the file can try passphrases offline forever, so
// weak ones are refused, with the reason.

export const STRENGTH_LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;
/**
 * At least 10^10 estimated guesses (zxcvbn's top score). Its score 3 starts at 10^8, which a
 * year-and-symbols password like "Summer2026!!" reaches, so the floor is on the guesses themselves.
 */
export const MINIMUM_GUESSES_LOG10 = 10;
export const MINIMUM_LENGTH = 10;

export interface PassphraseStrength {
  score: 0 | 1 | 2 | 3 | 4;
  label: (typeof STRENGTH_LABELS)[number];
  acceptable: boolean;
  /** Why it was refused, in plain words; null when acceptable. */
  reason: string | null;
  suggestions: string[];
}

let factory: Promise<ZxcvbnFactory> | null = null;

function loadFactory(): Promise<ZxcvbnFactory> {
  factory ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]).then(
    ([core, common, english]) =>
      new core.ZxcvbnFactory({
        translations: english.translations,
        graphs: common.adjacencyGraphs,
        dictionary: { ...common.dictionary, ...english.dictionary },
      }),
  );
  return factory;
}

/**
 * The words an attacker who knows the clinic tries first: the app's own words, each related text (the
 * clinic's name) whole, without spaces and word by word, and the year, with its neighbours.
 */
export function guessableWords(related: string[], now: Date): string[] {
  const words = new Set(['guiding', 'hands', 'guidinghands', 'backup', 'mentor', 'mentoring', 'clinic']);
  for (const text of related) {
    const lower = text.toLowerCase().trim();
    if (!lower) continue;
    words.add(lower);
    words.add(lower.replace(/[^\p{L}\p{N}]+/gu, ''));
    for (const word of lower.split(/[^\p{L}\p{N}]+/u)) if (word.length >= 3) words.add(word);
  }
  const year = now.getFullYear();
  for (const near of [year - 1, year, year + 1]) words.add(String(near));
  return [...words];
}

/** `related` are texts an attacker would try first: the clinic's name. */
export async function measurePassphrase(
  passphrase: string,
  related: string[] = [],
  now: Date = new Date(),
): Promise<PassphraseStrength> {
  const zxcvbn = await loadFactory();
  const result = zxcvbn.check(passphrase.slice(0, 256), guessableWords(related, now));
  const enough = result.guessesLog10 >= MINIMUM_GUESSES_LOG10;
  // Below the floor the meter never says "Strong", whatever zxcvbn's own score.
  const score = (enough ? result.score : Math.min(result.score, 2)) as PassphraseStrength['score'];
  const label = STRENGTH_LABELS[score];
  let reason: string | null = null;
  if (passphrase.length < MINIMUM_LENGTH) reason = `Use at least ${MINIMUM_LENGTH} characters.`;
  else if (!enough)
    reason = result.feedback.warning
      ? `${result.feedback.warning.replace(/\.?$/, '.')} It would be too easy to guess.`
      : 'It would be too easy to guess.';
  return { score, label, acceptable: reason === null, reason, suggestions: result.feedback.suggestions };
}
