import { parseRecords } from '@icestat/loaders/csv';
import { describe, expect, it } from 'vitest';
import { describeLoadReport, noPaint } from './load-report';

// In the shape of ICE's FY2016 arrests release: a banner line, a blank one and the title above the header.
const text = [
  'ERO-LESA Statistical Tracking Unit',
  '',
  'ERO Administrative Arrests for FY2016',
  'Area of Responsibility|Apprehension Date|Gender',
  'HQ Area of Responsibility|10/1/2015|Male',
  'Springfield AOR|10/2/2015|Female',
  'Springfield AOR|10/3/2015|Female',
  'Seattle Area of Responsibility|10/4/2015|Martian',
  '',
].join('\n');

describe('describeLoadReport', () => {
  it('names the table, preset, header line, banner lines, columns, unknown AORs and rejections', () => {
    const { report } = parseRecords(text, { name: 'arrests.csv', delimiter: '|' });
    const lines = describeLoadReport(report, noPaint).trimEnd().split('\n');
    expect(lines[0]).toBe('arrests.csv: 4 rows read · 3 accepted · 1 rejected');
    expect(lines[1]).toMatch(/^ {2}table arrests · preset \S+\/arrests · delimiter "\|" · header on line 4$/);
    expect(lines[2]).toBe('  3 banner lines above the header skipped: "ERO-LESA Statistical Tracking Unit" · "ERO Administrative Arrests for FY2016"');
    expect(lines[3]).toBe('  columns: 3 mapped (Area of Responsibility → apprehensionAor, Apprehension Date → apprehensionDate, Gender → gender)');
    expect(lines[4]).toBe('  unknown apprehensionAor values, kept and counted under their own label: "Springfield AOR" ×2');
    expect(lines[5]).toBe('  rejected rows, by reason:');
    expect(lines[6]).toMatch(/^ {4}bad_gender +1 {2}lines 8 — e\.g\. line 8 \(Gender\): /);
  });

  it('countsOnly keeps the counts, unknown values and rejections, and leaves the reading out', () => {
    const { report } = parseRecords(text, { name: 'arrests.csv', delimiter: '|' });
    const out = describeLoadReport(report, noPaint, { countsOnly: true });
    expect(out).not.toContain('preset');
    expect(out).not.toContain('banner');
    expect(out).toContain('"Springfield AOR" ×2');
    expect(out).toContain('bad_gender');
  });
});
