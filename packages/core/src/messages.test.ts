// Messages in icestat's words (issue 13): no zod default text, and "did you mean" for qualifier
// words, AOR and state names, and misspelt keys.
import { describe, expect, it } from 'vitest';
import { bundledDatasetText, caught } from './__fixtures__/testing';
import { audit } from './audit/index';
import { closestWord, toIcestatIssues } from './errors';
import { datasetKeys, datasetSchema } from './model/dataset';
import { quantitySchema } from './model/quantity';
import { placeSchema } from './model/place';
import { breakdownPartSchema, removalTypeSchema } from './model/breakdown';

const text = bundledDatasetText();
const messages = (schema: { safeParse: (x: unknown) => { success: boolean; error?: { issues: readonly { message: string }[] } } }, x: unknown) =>
  (schema.safeParse(x).error?.issues ?? []).map((i) => i.message);

describe('messages', () => {
  it('suggests the qualifier a report’s words mean', () => {
    expect(messages(quantitySchema, { value: 5, unit: 'people', qualifier: 'roughly' })).toEqual([
      'must be a qualifier; got "roughly" — did you mean "approximately"? (one of exact, approximately, more-than, at-least, nearly, fewer-than, at-most, range)',
    ]);
    expect(messages(quantitySchema, { value: 5, unit: 'people', qualifier: 'aproximately' })[0]).toContain('did you mean "approximately"?');
    expect(messages(quantitySchema, { value: 5, unit: 'peopel' })[0]).toContain('got "peopel" — did you mean "people"?');
  });

  it('suggests the AOR code for its name, and the state code for a state name', () => {
    expect(messages(placeSchema, { kind: 'aor', aor: 'Salt Lake City' })[0]).toMatch(
      /^must be the code of an ICE Area of Responsibility; got "Salt Lake City" — did you mean "SLC"\?/,
    );
    expect(messages(placeSchema, { kind: 'state', state: 'California' })[0]).toMatch(/^must be a state’s postal code; got "California" — did you mean "CA"\?/);
  });

  it('suggests the removal type a report’s words mean', () => {
    expect(messages(removalTypeSchema, 'Expedited Removal')).toEqual([
      'must be a removal type; got "Expedited Removal" — did you mean "expedited-removal"? (one of removal, expedited-removal, reinstatement, return, voluntary-departure, other)',
    ]);
    expect(messages(removalTypeSchema, 'reinstatment')[0]).toContain('did you mean "reinstatement"?');
  });

  it('suggests the country code for a name, at the part’s country, with no zod wording', () => {
    const part = {
      category: 'mexico',
      label: 'Mexico',
      country: 'Mexcio',
      figure: { id: 'f', metric: 'arrests', quantity: { value: 4, unit: 'people' }, source: 's', claimant: { role: 'agency' }, evidence: 'Mexico 4' },
    };
    const e = breakdownPartSchema.safeParse(part).error!;
    expect(toIcestatIssues(e.issues).map((i) => i.message)).toEqual([
      'country: must be an ISO 3166-1 alpha-2 country code in capitals; got "Mexcio" — did you mean "MX"? (one of AD, AE, AF, AG, AI, AL, AM, AO, AQ, AR, AS, AT, …)',
    ]);
  });

  it('says what is missing and suggests the key a misspelt one meant, with no zod wording', () => {
    const d = JSON.parse(text);
    d.operations[0].figures[0].evidnce = d.operations[0].figures[0].evidence;
    delete d.operations[0].figures[0].evidence;
    const e = caught(() => audit(d));
    expect(e.issues.map((i) => i.message)).toEqual([
      'operations[0].figures[0].evidence: is required (text)',
      'operations[0].figures[0]: unknown key "evidnce" — did you mean "evidence"?',
    ]);
    for (const i of e.issues) expect(i.message).not.toMatch(/Invalid input|Unrecognized key|expected string, received/);
  });

  it('words a value of the wrong type and a tristate in our words', () => {
    const d = JSON.parse(text);
    d.title = 5;
    d.operations[0].breakdowns[0].exhaustive = 'maybe';
    const r = datasetSchema.safeParse(d);
    expect(toIcestatIssues(r.error!.issues, { input: d, keys: datasetKeys() }).map((i) => i.message)).toEqual([
      'title: must be text; got number 5',
      'operations[0].breakdowns[0].exhaustive: must be true or false, or "unknown"; got text "maybe"',
    ]);
  });

  it('finds close words only', () => {
    expect(closestWord('mexcio', ['mexico', 'brazil'])).toBe('mexico');
    expect(closestWord('zzz', ['mexico', 'brazil'])).toBeUndefined();
  });
});
