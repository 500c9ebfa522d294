import type { UnknownValue } from '@icestat/core';
import { type RecordFieldKind, resolveRecordAor } from '@icestat/core/internal';
import {
  normaliseApprehensionType,
  normaliseBirthYear,
  normaliseBoolean,
  normaliseCriminality,
  normaliseDate,
  normaliseGender,
  normaliseState,
  normaliseTime,
  timeOfDate,
} from '../csv/records/normalise';

// Lookups are remembered per distinct text: releases repeat a few dozen spellings millions of times.
function memoise<V>(lookup: (s: string) => V | undefined, limit = 8192): (s: string) => V | undefined {
  const cache = new Map<string, V | null>();
  return (s) => {
    const hit = cache.get(s);
    if (hit !== undefined) return hit === null ? undefined : hit;
    const v = lookup(s);
    if (cache.size < limit) cache.set(s, v === undefined ? null : v);
    return v;
  };
}

// The offset an export appends to a time: `+00`, `-05:00`, `+0530`, `Z`.
const offset = /(\d:\d{2}(?::\d{2}(?:\.\d+)?)?)\s?(?:Z|[+-]\d{2}(?::?\d{2})?)$/;

/** The cell without an offset after its time, or `undefined` when it has none. */
function withoutOffset(text: string): string | undefined {
  const stripped = text.replace(offset, '$1');
  return stripped === text ? undefined : stripped;
}

/**
 * A date cell to ISO `YYYY-MM-DD`, as the release readers read dates (US `M/D/YYYY`, ISO with a
 * time), plus the offsets exports append to the time (`…+00`, `…Z`), which are dropped: the
 * releases record ICE's local times.
 *
 * @param text - The cell, trimmed.
 * @returns The date; `null` for ICE's missing-date sentinel `01/01/0001`; `undefined` when the
 *   cell is not a date that exists.
 * @example
 * recordDate('2024-06-27 12:50:00+00'); // => '2024-06-27'
 * recordDate('2024-06-27T12:50:00Z'); // => '2024-06-27'
 * recordDate('10/1/2015'); // => '2015-10-01'
 */
export function recordDate(text: string): string | null | undefined {
  const d = normaliseDate(text);
  if (d !== undefined) return d;
  const stripped = withoutOffset(text.trim());
  return stripped === undefined ? undefined : normaliseDate(stripped);
}

/**
 * The time of day of a date cell, `HH:MM[:SS]`; `undefined` for none or midnight.
 *
 * @param text - A date cell.
 * @returns The time, or `undefined`.
 * @example
 * recordTimeOfDate('2024-06-27T12:50:00Z'); // => '12:50:00'
 */
export function recordTimeOfDate(text: string): string | undefined {
  const t = text.trim();
  return timeOfDate(withoutOffset(t) ?? t);
}

/**
 * A timestamp cell as records keep it: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM[:SS]` with its time.
 *
 * @param text - The cell, trimmed.
 * @returns The timestamp; `null` for the missing-date sentinel; `undefined` when the cell is not
 *   a date that exists.
 * @example
 * recordTimestamp('2024-06-27 12:50:00+00'); // => '2024-06-27T12:50:00'
 * recordTimestamp('2024-06-27 00:00:00'); // => '2024-06-27'
 */
export function recordTimestamp(text: string): string | null | undefined {
  const date = recordDate(text);
  if (date === undefined || date === null) return date;
  const time = recordTimeOfDate(text);
  return time === undefined ? date : `${date}T${time}`;
}

const unknownValues = new Map<string, UnknownValue>();

/** One frozen `{ unknown }` per distinct text, so a file of unknown values does not allocate one a row. */
function unknownValue(text: string): UnknownValue {
  let v = unknownValues.get(text);
  if (v === undefined) {
    v = Object.freeze({ unknown: text });
    if (unknownValues.size < 4096) unknownValues.set(text, v);
  }
  return v;
}

const aorLookup = memoise(resolveRecordAor);

/** Options of {@link valueReader}. */
export interface ValueReaderOptions {
  /** Reject an AOR icestat does not know instead of keeping it as `{ unknown }`. */
  readonly strictAors?: boolean;
}

/**
 * The function that turns a (trimmed, non-blank, non-redacted) cell of a kind into its value, or
 * `undefined` when the cell is not what the kind holds (a rejection).
 *
 * @param kind - The field's kind.
 * @param options - `strictAors`.
 * @returns The reader.
 * @example
 * valueReader('aor')('HQ Area of Responsibility'); // => 'HQ'
 * valueReader('aor')('Springfield'); // => { unknown: 'Springfield' }
 * valueReader('aor', { strictAors: true })('Springfield'); // => undefined
 */
export function valueReader(kind: RecordFieldKind, options: ValueReaderOptions = {}): (text: string) => unknown {
  switch (kind) {
    case 'date':
      return recordDate;
    case 'timestamp':
      return recordTimestamp;
    case 'time':
      return normaliseTime;
    case 'aor':
      return options.strictAors === true ? aorLookup : (s) => aorLookup(s) ?? unknownValue(s);
    case 'state':
      return normaliseState;
    case 'criminality':
      return normaliseCriminality;
    case 'gender':
      return normaliseGender;
    case 'apprehensionType':
      return normaliseApprehensionType;
    case 'birthYear':
      return normaliseBirthYear;
    case 'boolean':
      return normaliseBoolean;
    case 'country':
    case 'text':
      return (s) => s;
  }
}
