import { describe, expect, it } from 'vitest';
import { caught } from '../__fixtures__/testing';
import { safeParseFiguresCsv } from './figures/index';
import { columnCountReason, headerRowReason, swallowedRowReason, textAfterQuoteReason } from './problems';
import { parseArrestRecords } from './records/read';

// The same malformed row, under a header of figures and under a header of arrests: both readers
// must name the problem with the same code, on the same line, in the same words.
const figuresHeader = 'operation,value';
const recordsHeader = 'apprehension_date,apprehension_aor';

const malformed: readonly (readonly [string, string, string])[] = [
  ['too few cells', '2017-09-25', columnCountReason(2, 1)],
  ['too many cells', '2017-09-25,PHI,x', columnCountReason(2, 3)],
  ['text after a closing quote', '"2017-09-25"x,PHI', textAfterQuoteReason],
  ['an unclosed quote', '2017-09-25,"PHI\nmore\n', swallowedRowReason('unclosed_quote', 3, 4, { line: 3, column: 12 }, 0)],
];

describe('one vocabulary of row problems for figures and records', () => {
  it.each(malformed)('%s', (_, row, reason) => {
    const good = '2017-09-24,PHI';
    const { report } = parseArrestRecords(`${recordsHeader}\n${good}\n${row}`);
    expect(report).toMatchObject({ rowsRead: 2, accepted: 1, rejected: 1 });
    const rejection = report.rejections[0]!;
    expect(rejection.reason).toBe(reason);

    const figures = safeParseFiguresCsv(`${figuresHeader}\n${good}\n${row}`);
    expect(figures.success).toBe(false);
    const issue = figures.success ? undefined : figures.error.issues.find((i) => i.line === 3);
    expect(issue).toMatchObject({ code: rejection.code, line: rejection.line });
    expect(issue?.message.endsWith(`: ${reason}`)).toBe(true);
  });

  it('a malformed header row', async () => {
    const records = await caught(() => parseArrestRecords(`"${recordsHeader}\n2017-09-24,PHI\n`));
    expect(records.issues[0]).toMatchObject({ code: 'bad_header', line: 1, message: headerRowReason('unclosed_quote') });
    expect(records.message).toBe('(text):1: the header row has a quote that never closes; expected a header of column names');
    const figures = safeParseFiguresCsv(`"${figuresHeader}\n2017-09-24,PHI\n`);
    expect(figures.success || figures.error.issues).toStrictEqual([
      { code: 'bad_header', message: '(text):1: the header row has a quote that never closes; expected a header of column names', file: '(text)', line: 1 },
    ]);
  });
});
