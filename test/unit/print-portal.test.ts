import { describe, expect, it } from 'vitest';
import { fileStem } from '../../renderer/features/reports/exports';
import { cssString, pageRules } from '../../renderer/ui/PrintPortal';

describe('the print layout’s page rules', () => {
  it('sets the paper size chosen in Settings and numbers every page', () => {
    expect(pageRules('A4', 'Clinic', 'Generated')).toContain('size: A4;');
    const letter = pageRules('Letter', 'Clinic', 'Generated');
    expect(letter).toContain('size: letter;');
    expect(letter).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages);');
  });

  it('keeps a clinic name with quotes, backslashes or markup inside its CSS string', () => {
    expect(cssString('St. "Mary\'s" \\ Clinic')).toBe('"St. \\"Mary\'s\\" \\\\ Clinic"');
    expect(cssString('a</style><b>\nc')).toBe('"a\\3C /style>\\3C b> c"');
    expect(pageRules('A4', '"; } body { display: none', 'x')).toContain(
      'content: "\\"; } body { display: none";',
    );
  });
});

describe('file names', () => {
  it('name the clinic and the period in plain letters', () => {
    expect(fileStem('Clinique Sainte-Anne / Nord', 'report', '2024-01-01', '2024-06-30')).toBe(
      'clinique-sainte-anne-nord-report-2024-01-01-to-2024-06-30',
    );
    expect(fileStem('Zoë Ångström', 'recognition-letter', '2024-01-01', '2024-06-30')).toBe(
      'zoe-angstrom-recognition-letter-2024-01-01-to-2024-06-30',
    );
    expect(fileStem('', 'report', '2024-01-01', '2024-06-30')).toBe('clinic-report-2024-01-01-to-2024-06-30');
  });
});
