// The tidy figures CSV keeps what issue 13 added to the model: statistical tables, measures and
// fractional averages, stated shares, derived figures, categories named without a count.
import { datasetSchema } from '@icestat/core';
import { describe, expect, it } from 'vitest';
import { detentionStatisticsTable, stateAndCountryOperation, statedShareOperation } from '../../../../core/src/__fixtures__/tables';
import { parseFiguresCsv, stringifyFiguresCsv } from './index';

describe('figures CSV round trip of the new model', () => {
  it.each([
    ['a detention-statistics table', detentionStatisticsTable],
    ['counts by state and country with an uncounted country and a derived figure', stateAndCountryOperation],
    ['a stated share as a breakdown part', () => statedShareOperation()],
  ])(
    '%s: dataset → CSV → dataset is deep-equal',
    (_, make) => {
      const d = datasetSchema.parse(make());
      expect(parseFiguresCsv(stringifyFiguresCsv(d))).toEqual(d);
    },
    60_000,
  );
});
