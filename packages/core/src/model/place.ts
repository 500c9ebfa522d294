import * as z from 'zod';
import { aorCodeSchema, type AorCode } from '../reference/aors';
import { stateCodeSchema, type StateCode } from '../reference/states';
import { statesOfAor } from '../reference/aors';
import { textSchema } from './primitives';

const label = textSchema.optional().describe('The place as the report writes it');

/**
 * A place a figure is about. `kind` says which: the nation, a region (a named set of states such
 * as "Midwest"), a state, county, city or metro area, one of ICE's 25 Areas of Responsibility
 * (`aor`, by code), several AORs counted together (`aor-set`), a site (a workplace), or
 * `not-recorded` (the source counts people whose place it does not give). `label` keeps the
 * report's own words.
 *
 * @example
 * placeSchema.parse({ kind: 'aor', aor: 'CHI', label: 'the Midwest' });
 */
export const placeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('nation'), country: z.literal('US'), label }).strict(),
  z
    .object({
      kind: z.literal('region'),
      name: textSchema,
      states: z.array(stateCodeSchema).min(1).optional().describe('States the region covers, when determinable'),
      label,
    })
    .strict(),
  z.object({ kind: z.literal('state'), state: stateCodeSchema, label }).strict(),
  z.object({ kind: z.literal('county'), name: textSchema, state: stateCodeSchema, label }).strict(),
  z.object({ kind: z.literal('city'), name: textSchema, state: stateCodeSchema.optional(), label }).strict(),
  z.object({ kind: z.literal('metro'), name: textSchema, states: z.array(stateCodeSchema).min(1).optional(), label }).strict(),
  z.object({ kind: z.literal('aor'), aor: aorCodeSchema, label }).strict(),
  z
    .object({
      kind: z.literal('aor-set'),
      aors: z.array(aorCodeSchema).min(2, 'a set of AORs names at least two; use kind "aor" for one'),
      label,
    })
    .strict()
    .describe('Several Areas of Responsibility counted together ("Los Angeles and San Diego")'),
  z
    .object({ kind: z.literal('not-recorded'), label })
    .strict()
    .describe('A record or cell whose place was not recorded or was withheld'),
  z
    .object({
      kind: z.literal('site'),
      name: textSchema,
      city: textSchema.optional(),
      state: stateCodeSchema.optional(),
      label,
    })
    .strict(),
]);
export type Place = z.infer<typeof placeSchema>;
export type PlaceKind = Place['kind'];

/**
 * The states a place lies in, where that is determinable: a state or county its own state, a
 * region or metro the states it lists, an AOR the states it covers (whole or in part), the nation
 * none (it is all of them; roll it up separately).
 *
 * @param place - A place.
 * @returns The states' postal codes, possibly empty when not determinable.
 * @example
 * statesOfPlace({ kind: 'aor', aor: 'CHI' }); // => ['IL', 'IN', 'KS', 'KY', 'MO', 'WI']
 */
export function statesOfPlace(place: Place): readonly StateCode[] {
  switch (place.kind) {
    case 'state':
    case 'county':
      return [place.state];
    case 'city':
    case 'site':
      return place.state ? [place.state] : [];
    case 'region':
    case 'metro':
      return place.states ?? [];
    case 'aor':
      return statesOfAor(place.aor as AorCode);
    case 'aor-set':
      return [...new Set(place.aors.flatMap((a) => statesOfAor(a as AorCode)))];
    case 'nation':
    case 'not-recorded':
      return [];
  }
}

/**
 * A short human name for a place: the report's label if kept, else a name built from the data.
 *
 * @param place - A place.
 * @returns e.g. `Cook County, IL`, `Chicago AOR`, `Philadelphia`.
 * @example
 * placeName({ kind: 'county', name: 'Cook County', state: 'IL' }); // => 'Cook County, IL'
 */
export function placeName(place: Place): string {
  if (place.label) return place.label;
  switch (place.kind) {
    case 'nation':
      return 'United States';
    case 'state':
      return place.state;
    case 'county':
      return `${place.name}, ${place.state}`;
    case 'city':
    case 'site':
      return place.state ? `${place.name}, ${place.state}` : place.name;
    case 'region':
    case 'metro':
      return place.name;
    case 'aor':
      return `${place.aor} AOR`;
    case 'aor-set':
      return `${place.aors.join(' + ')} AORs`;
    case 'not-recorded':
      return 'place not recorded';
  }
}
