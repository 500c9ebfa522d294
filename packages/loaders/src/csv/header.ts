import { IcestatError } from '@icestat/core/internal';
import { describeValue } from '../shared/args';

/**
 * The key a header cell is matched by, in every icestat reader (figures, records, workbooks,
 * Parquet): lower case, every run of characters other than the letters a–z and digits one space,
 * no space at either end. So case, spacing, underscores, dashes and punctuation do not matter:
 * `Apprehension AOR`, ` apprehension_aor ` and `APPREHENSION  AOR` match, and so do
 * `Operation-Name` and `operation_name`, or `Most Serious Conviction (MSC) Charge` and
 * `most_serious_conviction_msc_charge`.
 *
 * @param header - A header cell.
 * @returns The match key.
 * @throws `IcestatError` (`invalid_input`) when `header` is not a string.
 * @example
 * normaliseHeader(' Apprehension_Site  Landmark '); // => 'apprehension site landmark'
 * normaliseHeader('Operation-Name'); // => 'operation name'
 */
export function normaliseHeader(header: string): string {
  if (typeof header !== 'string') throw new IcestatError('invalid_input', `normaliseHeader: header: expected a string; received ${describeValue(header)}`);
  return header
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
