import { aorByCode, placeName, type Place } from '@icestat/core';

/**
 * A short human label for a place on a chart axis: an ICE Area of Responsibility by its name
 * (`Chicago`, however the report described it), any other place by core's `placeName` (the
 * report's own label when kept, else a name built from the data).
 *
 * @param place - A place.
 * @returns The label.
 * @example
 * placeLabel({ kind: 'aor', aor: 'CHI', label: 'the Midwest' }); // => 'Chicago'
 * placeLabel({ kind: 'county', name: 'Cook County', state: 'IL' }); // => 'Cook County, IL'
 */
export function placeLabel(place: Place): string {
  if (place.kind === 'aor') return aorByCode(place.aor)?.name ?? placeName(place);
  return placeName(place);
}
