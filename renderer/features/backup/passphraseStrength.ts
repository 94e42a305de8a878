import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

// How hard a passphrase is to guess, measured with zxcvbn (its dictionaries are large, so they load only
// when the backup screen first asks). Anyone holding the file can try passphrases offline forever, so
// weak ones are refused, with the reason.

export const STRENGTH_LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;
/** zxcvbn's "safely unguessable" level: at least 10^10 guesses. */
export const MINIMUM_SCORE = 3;
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

/** `related` are words an attacker would try first: the clinic's name, the app's name. */
export async function measurePassphrase(
  passphrase: string,
  related: string[] = [],
): Promise<PassphraseStrength> {
  const zxcvbn = await loadFactory();
  const result = zxcvbn.check(passphrase.slice(0, 256), ['guiding', 'hands', 'backup', 'mentor', ...related]);
  const score = result.score as PassphraseStrength['score'];
  const label = STRENGTH_LABELS[score];
  let reason: string | null = null;
  if (passphrase.length < MINIMUM_LENGTH) reason = `Use at least ${MINIMUM_LENGTH} characters.`;
  else if (score < MINIMUM_SCORE)
    reason = result.feedback.warning
      ? `${result.feedback.warning.replace(/\.?$/, '.')} It would be too easy to guess.`
      : 'It would be too easy to guess.';
  return { score, label, acceptable: reason === null, reason, suggestions: result.feedback.suggestions };
}
