import { describe, expect, it } from 'vitest';
import { WordIndex } from '../../renderer/domain/search/word-index';
import {
  isEmptyQuery,
  parseQuery,
  queryTerms,
  referenceToken,
  snippetOf,
  wordsOf,
} from '../../renderer/domain/search/words';

describe('the words of a text', () => {
  it('ignore accents, capitals and punctuation, each word once', () => {
    expect(wordsOf('Résilience, RÉSILIENCE — résilience! Zoë’s 2nd shift').sort()).toEqual(
      ['2nd', 'resilience', 's', 'shift', 'zoe'].sort(),
    );
  });

  it('read a decomposed accent (e + combining mark) as the same word as the composed one', () => {
    expect(wordsOf('Jose\u0301')).toEqual(['jose']);
    expect(wordsOf('José')).toEqual(['jose']);
  });

  it('turn letters without a combining mark into their plain spelling', () => {
    expect(wordsOf('Søren Łukasz Straße')).toEqual(['soren', 'lukasz', 'strasse']);
  });
});

describe('what the manager types', () => {
  it('takes the last word as still being typed, the others as whole words', () => {
    expect(parseQuery('Night  SHIFT stre')).toEqual({
      words: ['night', 'shift'],
      prefix: 'stre',
      tooShort: null,
    });
  });

  it('takes every word as whole once a space follows the last', () => {
    expect(parseQuery('night shift ')).toEqual({ words: ['night', 'shift'], prefix: null, tooShort: null });
  });

  it('finds nothing to search in spaces and punctuation', () => {
    expect(parseQuery('  , ; ')).toEqual({ words: [], prefix: null, tooShort: null });
  });

  it('waits for a second letter before matching the start of words, but takes a one-letter word once it is whole', () => {
    expect(parseQuery('s')).toEqual({ words: [], prefix: null, tooShort: 's' });
    expect(isEmptyQuery(parseQuery('s'))).toBe(true);
    expect(parseQuery('night s')).toEqual({ words: ['night'], prefix: null, tooShort: 's' });
    expect(parseQuery('sh')).toEqual({ words: [], prefix: 'sh', tooShort: null });
    expect(parseQuery('vitamin d ')).toEqual({ words: ['vitamin', 'd'], prefix: null, tooShort: null });
  });
});

describe('the word index', () => {
  function clinicIndex(): WordIndex {
    const index = new WordIndex(2);
    index.set('m1', wordsOf('Talked about stress on the night shift with Zoë'), 20240101);
    index.set('m2', wordsOf('Stress management and résilience'), 20240301);
    index.set('m3', wordsOf('Night shift handover; time management'), 20240201);
    index.set('m4', wordsOf('Career plans'), 20240401);
    return index;
  }

  it('finds a word whatever its accents and capitals', () => {
    const index = clinicIndex();
    expect(index.search(parseQuery('RESILIENCE '), 10).keys).toEqual(['m2']);
    expect(index.search(parseQuery('zoe '), 10).keys).toEqual(['m1']);
    expect(index.search(parseQuery('Zoë '), 10).keys).toEqual(['m1']);
  });

  it('finds the words starting with the last word typed', () => {
    const index = clinicIndex();
    expect(index.search(parseQuery('manag'), 10).keys).toEqual(['m2', 'm3']);
    expect(index.search(parseQuery('manag '), 10).keys).toEqual([]);
  });

  it('keeps only the records holding every word (and the start of the last)', () => {
    const index = clinicIndex();
    expect(index.search(parseQuery('night shift str'), 10)).toEqual({ keys: ['m1'], total: 1 });
    expect(index.search(parseQuery('stress night'), 10).keys).toEqual(['m1']);
    expect(index.search(parseQuery('stress career'), 10).keys).toEqual([]);
    expect(index.search(parseQuery('unknownword'), 10).keys).toEqual([]);
  });

  it('puts the highest rank first and counts every match beyond the limit', () => {
    const index = clinicIndex();
    expect(index.search(parseQuery('management night stress career sh'), 10).total).toBe(0);
    const found = index.search(parseQuery('st'), 1);
    expect(found.total).toBe(2);
    expect(found.keys).toEqual(['m2']);
    expect(index.search(parseQuery('sh'), 10).keys).toEqual(['m3', 'm1']);
  });

  it('follows edits and removals, before and after packing', () => {
    const index = clinicIndex();
    index.set('m4', wordsOf('Stress before the exam'), 20240401);
    expect(index.search(parseQuery('stress '), 10).keys).toEqual(['m4', 'm2', 'm1']);
    expect(index.search(parseQuery('career'), 10).keys).toEqual([]);
    index.remove('m2');
    expect(index.search(parseQuery('stress '), 10).keys).toEqual(['m4', 'm1']);
    index.pack();
    expect(index.search(parseQuery('stress '), 10).keys).toEqual(['m4', 'm1']);
    expect(index.search(parseQuery('resil'), 10).keys).toEqual([]);
    expect(index.size).toBe(3);
  });

  it('counts a record once when two of its words start with what was typed', () => {
    const index = new WordIndex();
    index.set('a', wordsOf('shift shifts shifting'));
    index.pack();
    index.set('b', wordsOf('shifted'));
    expect(index.search(parseQuery('shif'), 10)).toEqual({ keys: ['a', 'b'], total: 2 });
    expect(index.search(parseQuery('shif'), 10)).toEqual({ keys: ['a', 'b'], total: 2 });
  });
});

describe('the short starts of words', () => {
  // Enough records for the packed index to merge the lists of "re" and "res" (over 8,192 postings).
  function busyIndex(): WordIndex {
    const index = new WordIndex(Number.POSITIVE_INFINITY);
    for (let i = 0; i < 5000; i++)
      index.set(`n${i}`, wordsOf(i % 2 ? 'rest and results' : 'a research residency'), i);
    index.set('other', wordsOf('reading'), -1);
    index.pack();
    return index;
  }

  it('count each record once, by their merged list as by the words', () => {
    const index = busyIndex();
    expect(index.search(parseQuery('re'), 2)).toEqual({ keys: ['n4999', 'n4998'], total: 5001 });
    expect(index.search(parseQuery('res'), 2)).toEqual({ keys: ['n4999', 'n4998'], total: 5000 });
    expect(index.search(parseQuery('resu'), 2)).toEqual({ keys: ['n4999', 'n4997'], total: 2500 });
    expect(index.search(parseQuery('and re'), 1)).toEqual({ keys: ['n4999'], total: 2500 });
  });

  it('follow records added, edited and removed after packing', () => {
    const index = busyIndex();
    index.set('late', wordsOf('a return visit'), 9000);
    index.remove('n4999');
    index.set('n4998', wordsOf('nothing here'), 4998);
    expect(index.search(parseQuery('re'), 2)).toEqual({ keys: ['late', 'n4997'], total: 5000 });
    index.pack();
    expect(index.search(parseQuery('re'), 2)).toEqual({ keys: ['late', 'n4997'], total: 5000 });
    expect(index.search(parseQuery('res'), 1)).toEqual({ keys: ['n4997'], total: 4998 });
  });
});

describe('records found by the words of what they refer to', () => {
  it('find a meeting by its topic’s label as it is now, not as it was when the meeting was indexed', () => {
    const index = new WordIndex();
    index.set('m1', [...wordsOf('Talked about the night shift'), referenceToken('t-loss')], 2);
    index.set('m2', wordsOf('Lost a patient on the ward'), 1);
    let topics = [{ id: 't-loss', words: wordsOf('Patient loss') }];
    expect(index.match(queryTerms(parseQuery('patient lo'), topics), 10).keys).toEqual(['m1', 'm2']);
    expect(index.match(queryTerms(parseQuery('loss '), topics), 10).keys).toEqual(['m1']);

    topics = [{ id: 't-loss', words: wordsOf('Bereavement') }];
    expect(index.match(queryTerms(parseQuery('loss '), topics), 10).keys).toEqual([]);
    expect(index.match(queryTerms(parseQuery('bereav'), topics), 10).keys).toEqual(['m1']);
    expect(index.match(queryTerms(parseQuery('bereavement night'), topics), 10).keys).toEqual(['m1']);
  });

  it('never match a token by a word typed', () => {
    const index = new WordIndex();
    index.set('m1', [referenceToken('time-management')], 1);
    expect(index.search(parseQuery('ti'), 10).total).toBe(0);
    expect(index.search(parseQuery('time management'), 10).total).toBe(0);
  });
});

describe('a snippet', () => {
  it('marks the matching words as written, accents and capitals kept', () => {
    const parts = snippetOf('Zoë felt the Night shift was hard.', parseQuery('zoe nigh'));
    expect(parts).toEqual([
      { text: 'Zoë', match: true },
      { text: ' felt the ', match: false },
      { text: 'Night', match: true },
      { text: ' shift was hard.', match: false },
    ]);
  });

  it('shows the context around a match far into a long note, cut at spaces', () => {
    const long = `${'Plain words before. '.repeat(30)}Then the resilience plan came up. ${'After words. '.repeat(30)}`;
    const parts = snippetOf(long, parseQuery('resilience '), 120);
    const text = parts.map((part) => part.text).join('');
    expect(parts[0]).toEqual({ text: '…', match: false });
    expect(parts.at(-1)).toEqual({ text: '…', match: false });
    expect(parts.filter((part) => part.match).map((part) => part.text)).toEqual(['resilience']);
    expect(text.length).toBeLessThanOrEqual(124);
    expect(text).toContain('Then the resilience plan');
  });
});
