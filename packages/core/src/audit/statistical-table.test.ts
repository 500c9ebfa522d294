// A publisher's statistical table as a container beside operations (issue 13): ICE's FY2024
// detention statistics, with flows, a stock and an average.
import { describe, expect, it } from 'vitest';
import { detentionStatisticsTable } from '../__fixtures__/tables';
import { datasetSchema } from '../model/dataset';
import { breakdownsOf } from '../model/walk';
import { criminalShares } from '../stats/criminal-share';
import { headlineFigure } from '../stats/headline-figure';
import { audit } from './index';

describe('a detention-statistics table', () => {
  it('parses beside operations, its breakdowns walked like an operation’s', () => {
    const d = datasetSchema.parse(detentionStatisticsTable());
    expect(d.tables?.[0]?.figures.map((f) => f.quantity.value)).toEqual([277913, 37684, 24216.45]);
    expect(breakdownsOf(d).map((v) => v.path.join('.'))).toEqual(['tables.0.breakdowns.0', 'tables.0.breakdowns.1', 'tables.0.breakdowns.2']);
  });

  it('audits with the operation’s machinery: the findings in full', () => {
    expect(audit(detentionStatisticsTable()).map((f) => [f.code, f.severity, f.verdict, f.location.path, f.message])).toEqual([
      [
        'breakdown-sum',
        'info',
        'consistent',
        'tables[0].breakdowns[0]',
        'criminality breakdown “book-ins-by-criminality”: the parts add to 277,913 (90,000 + 70,000 + 117,913), consistent with the total 277,913 (“277,913”)',
      ],
      [
        'breakdown-sum',
        'info',
        'consistent',
        'tables[0].breakdowns[1]',
        'agency breakdown “book-ins-by-agency”: the parts add to 277,913 (120,000 + 157,913), consistent with the total 277,913 (“277,913”)',
      ],
      [
        'breakdown-sum',
        'info',
        'consistent',
        'tables[0].breakdowns[2]',
        'criminality breakdown “adp-by-criminality”: the parts add to 24,216.5 (9,000.5 + 6,000.25 + 9,215.7), consistent with the total 24,216.45 (“24,216.45”)',
      ],
    ]);
  });

  it('errors when the table’s cells do not add up', () => {
    const d = detentionStatisticsTable();
    d.tables[0].breakdowns[1].parts[1].figure.quantity.value = 157000;
    const f = audit(d).find((x) => x.location.breakdown === 'book-ins-by-agency')!;
    expect([f.severity, f.difference?.value, f.location.operation]).toEqual(['error', -913, 'detention-fy2024-table']);
  });

  it('leads with the book-ins, and takes criminal shares of the table', () => {
    const t = datasetSchema.parse(detentionStatisticsTable()).tables![0]!;
    expect(headlineFigure(t).id).toBe('fy2024-book-ins');
    expect(criminalShares(t).shares.convicted.share?.value).toBeCloseTo((90000 / 277913) * 100, 9);
  });
});
