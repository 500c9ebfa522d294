import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { figuresCsvColumns } from './figures/format';
import { readFiguresHeader } from './figures/header';
import { figuresIssues } from './figures/issues';
import { normaliseHeader } from './header';
import { headerKey } from '../tables/match';

describe('normaliseHeader: the one header rule of every reader', () => {
  it('ignores case, spacing, underscores, dashes and punctuation', () => {
    expect(normaliseHeader(' Apprehension_Site  Landmark ')).toBe('apprehension site landmark');
    expect(normaliseHeader('Operation-Name')).toBe(normaliseHeader('operation_name'));
    expect(normaliseHeader('Most Serious Conviction (MSC) Charge')).toBe(normaliseHeader('most_serious_conviction_msc_charge'));
    expect(normaliseHeader('—')).toBe('');
  });

  it('is the key the record tables match by', () => {
    expect(headerKey).toBe(normaliseHeader);
  });

  test.prop([fc.constantFrom(...figuresCsvColumns), fc.constantFrom('_', ' ', '-', '  ', '.'), fc.boolean()])(
    'every spelling of a figures column reads as that column',
    (column, separator, upper) => {
      const spelled = ` ${column.replaceAll('_', separator)} `;
      const header = readFiguresHeader({ line: 1, cells: [upper ? spelled.toUpperCase() : spelled] }, figuresIssues('f.csv'));
      expect(header?.columns).toEqual([column]);
    },
  );

  test.prop([fc.string()])('is idempotent, and blind to case', (s) => {
    expect(normaliseHeader(normaliseHeader(s))).toBe(normaliseHeader(s));
    expect(normaliseHeader(s.toUpperCase())).toBe(normaliseHeader(s.toLowerCase()));
  });

  it('two spellings of one column are a duplicate', () => {
    const issues = figuresIssues('f.csv');
    expect(readFiguresHeader({ line: 1, cells: ['value', 'Value '] }, issues)).toBeUndefined();
    expect(issues.list.map((i) => i.message)).toEqual(['f.csv:1: column "Value ": the column appears twice (first as column 1)']);
  });
});
