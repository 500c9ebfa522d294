import { recordTableNames, recordTables, type RecordTableSpec } from '@icestat/core';
import { describe, expect, it } from 'vitest';
import { describeRealdata, realLines } from '../__fixtures__/realdata';
import { findHeaderRow, headerKey, matchPreset, neededFields, rankPresets } from './match';
import { headerPreset, headerPresets, releaseFamilies, snakeCaseHeader } from './presets';

/** Splits a line of a pipe- or comma-delimited file whose header cells hold no delimiter. */
function cells(line: string): string[] {
  const delimiter = line.split('|').length > line.split(',').length ? '|' : ',';
  return line.split(delimiter).map((c) => c.replace(/^"|"$/g, ''));
}

describe('header presets', () => {
  it('fill only fields of their table’s model', () => {
    for (const p of headerPresets) {
      const fields = Object.keys((recordTables[p.table] as RecordTableSpec).fields);
      for (const [header, field] of Object.entries(p.columns)) if (field !== null) expect(fields, `${p.name}: ${header}`).toContain(field);
    }
  });

  it('cover every family and every table', () => {
    expect(new Set(headerPresets.map((p) => p.family))).toEqual(new Set(releaseFamilies));
    for (const t of recordTableNames)
      expect(
        headerPresets.some((p) => p.table === t && p.family !== 'snake-case'),
        t,
      ).toBe(true);
  });

  it('spell headers the way processed copies do', () => {
    expect(snakeCaseHeader('Most Serious Conviction (MSC) Charge')).toBe('most_serious_conviction_msc_charge');
    expect(headerKey('Most Serious Conviction (MSC) Charge')).toBe(headerKey('most_serious_conviction_msc_charge'));
    expect(headerPreset('snake-case', 'arrests')?.columns.aor).toBe('apprehensionAor');
  });

  it('read the 2023 release’s three spellings of one column as one field', () => {
    const p = headerPreset('ddp-2023/arrests')!;
    for (const h of ['Arrest Created By', 'Arrest Create By', 'Arrested Created By']) {
      expect(matchPreset(['Apprehension Date', h], p).fields).toEqual(['apprehensionDate', 'arrestCreatedBy']);
    }
  });

  it('map a joined file’s columns only for the table they came from', () => {
    const headers = ['detainer_prepare_date.detainer', 'facility_aor.detainer', 'apprehension_date.arrest', 'apprehension_aor.arrest', 'unique_identifier'];
    expect(matchPreset(headers, headerPreset('snake-case/arrests')!).fields).toEqual([null, null, 'apprehensionDate', 'apprehensionAor', 'uniqueIdentifier']);
    expect(matchPreset(headers, headerPreset('snake-case/detainers')!).fields).toEqual(['prepareDate', 'facilityAor', null, null, 'uniqueIdentifier']);
  });

  it('ranks by the fields the request needs, not by exact spelling', () => {
    // Loose spellings of the 2025 arrests header beat one exact Seattle column for a tally by AOR and year.
    const headers = ['apprehension_date', 'APPREHENSION AOR', 'apprehension state', 'Gender'];
    const [best] = rankPresets(headers, { needs: { by: ['fiscalYear', 'aor'] } });
    expect(best?.table).toBe('arrests');
    expect(best?.neededMapped).toBe(2);
    expect(neededFields(recordTables.removals as RecordTableSpec, { by: ['fiscalYear', 'aor'] })).toEqual(['departedDate', 'caseAor']);
    expect(neededFields(recordTables.removals as RecordTableSpec, { by: ['month'], date: 'removalDate' })).toEqual(['removalDate']);
  });

  it('finds no header in rows that name no known fields', () => {
    expect(findHeaderRow([['Title'], ['a', 'b'], ['1', '2']])).toBeUndefined();
  });
});

describeRealdata('header presets on the real releases', () => {
  const cases = [
    { file: 'ice-lesa/EROArrests_FY2016.csv.gz', index: 5, title: 'ERO Administrative Arrests for FY2016', preset: 'ice-lesa/arrests', mapped: 9 },
    { file: 'ice-lesa/EROEncounters_FY2016.csv.gz', index: 5, title: 'ERO Encounters for FY2016', preset: 'ice-lesa/encounters', mapped: 8 },
    { file: 'ice-lesa/ICERemovals_FY2016.csv.gz', index: 5, title: 'ICE Removals for FY2016', preset: 'ice-lesa/removals', mapped: 10 },
    { file: 'ice-seattle/arrests.csv.gz', index: 6, title: undefined, preset: 'ice-seattle/arrests', mapped: 8 },
    { file: 'ice-seattle/bookins.csv.gz', index: 6, title: undefined, preset: 'ice-seattle/detentions', mapped: 7 },
    { file: 'ice-seattle/expedited-removals.csv.gz', index: 6, title: undefined, preset: 'ice-seattle/removals', mapped: 7 },
    { file: 'ice-seattle/other-removals.csv.gz', index: 6, title: undefined, preset: 'ice-seattle/removals', mapped: 7 },
    { file: 'ddp/ddp2025-release-headers_wa-rows.csv', index: 0, title: undefined, preset: 'ddp-2025/arrests', mapped: 19 },
    { file: 'ddp/ddp2026-release-headers_wa-rows.csv', index: 0, title: undefined, preset: 'ddp-2026/arrests', mapped: 24 },
  ];

  it.each(cases)('$file: header on row $index, read as $preset', async ({ file, index, title, preset, mapped }) => {
    const rows = (await realLines(file, 12)).map(cells);
    const at = findHeaderRow(rows);
    expect(at?.index).toBe(index);
    expect(at?.banner.length).toBe(index);
    if (title !== undefined) expect(at?.title).toBe(title);
    if (index > 0) expect(at?.banner[0]).toBe('ERO-LESA Statistical Tracking Unit');
    const [best] = rankPresets(rows[index]!);
    expect(best?.preset.name).toBe(preset);
    expect(best?.mapped.length).toBe(mapped);
    expect(best?.unmapped.length).toBe(rows[index]!.length - mapped);
  });

  it('Seattle’s title rows name the production and the table', async () => {
    const at = findHeaderRow((await realLines('ice-seattle/arrests.csv.gz', 10)).map(cells));
    expect(at?.title).toBe('FY2012 - FY2019 YTD (01/01/2012 - 07/06/2019) ERO Administrative Arrests for the Seattle Area of Responsibility');
  });

  it('the 2026 release’s renamed columns fill the same fields as 2025’s', async () => {
    const [h2025] = (await realLines('ddp/ddp2025-release-headers_wa-rows.csv', 1)).map(cells);
    const [h2026] = (await realLines('ddp/ddp2026-release-headers_wa-rows.csv', 1)).map(cells);
    const fieldOf = (headers: string[], header: string) => {
      const best = rankPresets(headers)[0]!;
      return best.fields[headers.indexOf(header)];
    };
    expect(fieldOf(h2025!, 'Apprehension State')).toBe(fieldOf(h2026!, 'State'));
    expect(fieldOf(h2025!, 'Apprehension County')).toBe(fieldOf(h2026!, 'County'));
    expect(fieldOf(h2025!, 'Apprehension AOR')).toBe(fieldOf(h2026!, 'TOA Current Duty AOR'));
    expect(fieldOf(h2026!, 'TOA Current Duty AOR')).toBe('apprehensionAor');
  });

  it('the joined DDP file: each table’s columns by their suffix, detainers first by count', async () => {
    const [header] = await realLines('ddp/joined_df_wa.csv', 1);
    const headers = header!.split(',').map((c) => c.replace(/^"|"$/g, ''));
    const ranked = rankPresets(headers);
    expect(ranked[0]?.preset.name).toBe('snake-case/detainers');
    const arrests = rankPresets(headers, { table: 'arrests' })[0]!;
    const byField = Object.fromEntries(arrests.mapped.map((m) => [m.field, m.header]));
    expect(byField).toMatchObject({
      apprehensionDate: 'apprehension_date.arrest',
      apprehensionAor: 'apprehension_aor.arrest',
      apprehensionState: 'apprehension_state.arrest',
      criminality: 'apprehension_criminality.arrest',
    });
    const detentions = rankPresets(headers, { table: 'detentions' })[0]!;
    expect(Object.fromEntries(detentions.mapped.map((m) => [m.field, m.header]))).toMatchObject({
      bookInDate: 'book_in_date_time.detention',
      criminality: 'book_in_criminality.detention',
      releaseReason: 'detention_release_reason.detention',
    });
  });
});
