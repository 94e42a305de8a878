import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBytes as mainProcessWords } from '../../electron/shared/errors';
import { formatBytes } from '../../renderer/domain/file-size';

describe('sizes written for people', () => {
  it('read the same in the page and in the main process', () => {
    fc.assert(
      fc.property(fc.nat({ max: 8 * 1024 * 1024 * 1024 }), (bytes) => {
        expect(formatBytes(bytes)).toBe(mainProcessWords(bytes));
      }),
    );
  });

  it('use the unit a person expects', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1536)).toBe('2 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(formatBytes(3 * 1024 * 1024 * 1024)).toBe('3.0 GB');
  });
});
