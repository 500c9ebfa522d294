// The public root is chosen on purpose: internals the loaders build on live in
// `@icestat/core/internal`, and helpers nobody outside core needs are not exported at all.
import { describe, expect, it } from 'vitest';
import * as core from './index';
import * as internal from './internal';

describe('public surface', () => {
  it('keeps the internals out of the root, and shares with the root only the zod-free names the loaders need', () => {
    const root = new Set(Object.keys(core));
    const shared = Object.keys(internal).filter((name) => root.has(name));
    expect(shared.sort()).toEqual(
      ['IcestatError', 'MISSING', 'REDACTED', 'createTally', 'recordTableNames', 'resolveAor', 'resolveRecordAor', 'resolveState'].sort(),
    );
    // One class, one object: an error thrown through one entry is an instance of the other's class.
    for (const name of shared) expect((internal as Record<string, unknown>)[name], name).toBe((core as Record<string, unknown>)[name]);
    expect(Object.keys(internal).sort()).toEqual(
      [
        'countryCodeOf',
        'defaultMissingValues',
        'detainerFields',
        'detentionFields',
        'encounterFields',
        'arrestFields',
        'formatPath',
        'groupOf',
        'iceCaseCategories',
        'isRedactionMarker',
        'isUnknownValue',
        'missingValueMatcher',
        'parseRecordDate',
        'recordFieldKinds',
        'recordTableNames',
        'recordTableSpecs',
        'IcestatError',
        'createTally',
        'MISSING',
        'REDACTED',
        'resolveAor',
        'resolveState',
        'resolveRecordAor',
        'removalFields',
        'toIcestatIssues',
      ].sort(),
    );
  });

  it('does not export the helpers a user does not need', () => {
    for (const name of ['contains', 'overlaps', 'width', 'exactly', 'dayNumber', 'isLeapYear', 'statedPrecision', 'schemaError', 'closestWord', 'groupValue']) {
      expect(Object.keys(core), name).not.toContain(name);
    }
  });

  it('exports the names the READMEs document', () => {
    for (const name of [
      'quantity',
      'share',
      'ratio',
      'sum',
      'audit',
      'countFindings',
      'datasetSchema',
      'createTally',
      'formatEstimate',
      'IcestatError',
      'recordTables',
      'dimensionField',
    ]) {
      expect(typeof (core as Record<string, unknown>)[name], name).not.toBe('undefined');
    }
    expect(Object.keys(core)).toHaveLength(131);
  });

  it('keeps the JSON Schema generator out of the root entry: it is @icestat/core/json-schema', async () => {
    for (const name of ['toJsonSchema', 'jsonSchemaTypes', 'jsonSchemaId']) expect(Object.keys(core), name).not.toContain(name);
    const generator = await import('./json-schema');
    expect(generator.toJsonSchema('quantity').$id).toBe(generator.jsonSchemaId('quantity'));
  });
});
