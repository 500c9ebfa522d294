import { IcestatError } from '@icestat/core';
import type { DatasetLike, SourceRef } from './chart-row';

/**
 * The caption-ready reference (id, title, publisher, url) of a source of a dataset.
 *
 * @param dataset - The dataset holding the source.
 * @param id - The source's id.
 * @returns The {@link SourceRef}.
 * @throws {@link IcestatError} `invalid_input` when the dataset has no source with that id.
 * @example
 * sourceRef(dataset, 'seed-002-buzzfeed-safe-city-2017').publisher; // => 'BuzzFeed News'
 */
export function sourceRef(dataset: Pick<DatasetLike, 'sources'>, id: string): SourceRef {
  const s = dataset.sources.find((x) => x.id === id);
  if (!s) {
    throw new IcestatError('invalid_input', `sourceRef: expected a source "${id}" in the dataset's sources; found none`);
  }
  return s.url === undefined ? { id: s.id, title: s.title, publisher: s.publisher } : { id: s.id, title: s.title, publisher: s.publisher, url: s.url };
}
