// Constructed datasets for the audit's tests (issue 13). Numbers marked "issue" are those the
// issue quotes; the rest are made up for the arithmetic and say so in their source's note.
// Returned as JSON.parse would give them (untyped), to be parsed or audited raw.

/** A dataset document as JSON.parse gives it: tests mutate it freely, often into shapes the model forbids. */
// biome-ignore lint/suspicious/noExplicitAny: untyped on purpose, as above
export type RawDocument = any;

const fig = (id: string, metric: string, value: number, unit = 'people', extra: Record<string, unknown> = {}) => ({
  id,
  metric,
  quantity: { value, unit },
  source: 'release',
  claimant: { role: 'agency', name: 'ICE' },
  evidence: `${value.toLocaleString('en-US')}`,
  ...extra,
});

/**
 * A week of arrests in the Salt Lake City AOR split by state and by country of citizenship, the
 * country list ending "…Samoa 2, Brazil 1, and Tonga" (Tonga named without a count); the
 * nationwide week it sits in, and the 143 outside the AOR derived as 1,660 − 1,517.
 */
export function stateAndCountryOperation(): RawDocument {
  return {
    schemaVersion: '1.0.0',
    title: 'Constructed: arrests by state and by country',
    sources: [
      {
        id: 'release',
        title: 'Weekly arrests release',
        publisher: 'ICE',
        kind: 'official-release',
        published: '2025-06-10',
        note: 'Constructed for tests: numbers made up.',
      },
    ],
    operations: [
      {
        id: 'week',
        name: 'Arrests, week of 1 June 2025',
        agency: 'ICE-ERO',
        kind: 'daily-enforcement',
        period: { start: '2025-06-01', end: '2025-06-07', days: 7 },
        places: [{ kind: 'nation', country: 'US' }],
        figures: [
          fig('week-arrests', 'arrests', 1660),
          fig('week-slc', 'arrests', 1517, 'people', { places: [{ kind: 'aor', aor: 'SLC' }] }),
          fig('week-outside-slc', 'arrests', 143, 'people', {
            claimant: { role: 'computed' },
            evidence: '1,660 − 1,517',
            derivedFrom: { operation: 'difference', inputs: ['week-arrests', 'week-slc'] },
          }),
          fig('slc-sample', 'arrests', 8, 'people', { places: [{ kind: 'aor', aor: 'SLC' }], evidence: 'eight people' }),
        ],
        breakdowns: [
          {
            id: 'slc-sample-by-state',
            dimension: 'place',
            total: 'slc-sample',
            exhaustive: true,
            exclusive: true,
            parts: [
              { category: 'ut', place: { kind: 'state', state: 'UT' }, figure: fig('slc-sample-ut', 'arrests', 5, 'people', { evidence: 'five in Utah' }) },
              { category: 'nv', place: { kind: 'state', state: 'NV' }, figure: fig('slc-sample-nv', 'arrests', 3, 'people', { evidence: 'three in Nevada' }) },
            ],
          },
          {
            id: 'slc-sample-by-country',
            dimension: 'citizenship',
            total: 'slc-sample',
            exhaustive: true,
            exclusive: true,
            parts: [
              { category: 'mexico', label: 'Mexico', figure: fig('slc-sample-mx', 'arrests', 4, 'people', { evidence: 'Mexico 4' }) },
              { category: 'samoa', label: 'Samoa', figure: fig('slc-sample-ws', 'arrests', 2, 'people', { evidence: 'Samoa 2' }) },
              { category: 'brazil', label: 'Brazil', figure: fig('slc-sample-br', 'arrests', 1, 'people', { evidence: 'Brazil 1' }) },
            ],
            uncounted: [{ category: 'tonga', label: 'Tonga', country: 'TO', source: 'release', evidence: 'and Tonga' }],
          },
        ],
        sources: ['release'],
      },
    ],
  };
}

/**
 * "More than 680" arrested at worksites, "approximately 75 percent" of them with criminal
 * convictions (a stated share as a part), and a count of 480 convicted given elsewhere.
 */
export function statedShareOperation(convicted = 480): RawDocument {
  return {
    schemaVersion: '1.0.0',
    title: 'Constructed: a stated share',
    sources: [{ id: 'release', title: 'Worksite release', publisher: 'ICE', kind: 'official-release', note: 'Constructed for tests.' }],
    operations: [
      {
        id: 'worksite',
        name: 'Worksite raids',
        agency: 'ICE-HSI',
        kind: 'worksite-raid',
        period: { start: '2019-08-07', end: '2019-08-07' },
        places: [{ kind: 'state', state: 'MS' }],
        figures: [{ ...fig('worksite-arrests', 'arrests', 680), quantity: { value: 680, unit: 'people', qualifier: 'more-than' }, evidence: 'more than 680' }],
        breakdowns: [
          {
            id: 'worksite-share-convicted',
            dimension: 'criminality',
            total: 'worksite-arrests',
            exhaustive: false,
            exclusive: true,
            parts: [
              {
                category: 'convicted',
                criminality: ['convicted'],
                figure: {
                  ...fig('worksite-convicted-share', 'arrests', 75),
                  quantity: { value: 75, unit: 'percent', qualifier: 'approximately' },
                  evidence: 'approximately 75 percent with criminal convictions',
                },
              },
            ],
          },
          {
            id: 'worksite-count-convicted',
            dimension: 'criminality',
            total: 'worksite-arrests',
            exhaustive: false,
            exclusive: true,
            parts: [
              {
                category: 'convicted',
                criminality: ['convicted'],
                figure: fig('worksite-convicted', 'arrests', convicted, 'people', { evidence: `${convicted} convicted` }),
              },
            ],
          },
        ],
        sources: ['release'],
      },
    ],
  };
}

/**
 * ICE's FY2024 detention statistics as a statistical table: book-ins over the year by
 * criminality and by arresting agency, the population detained on 2024-10-01 (a stock) and the
 * average daily population (fractional, also by criminality). The totals are those issue 13
 * quotes; the splits are made up so that they add up, and the source says so.
 */
export function detentionStatisticsTable(): RawDocument {
  const cell = (id: string, metric: string, value: number, unit = 'people', extra: Record<string, unknown> = {}) =>
    fig(id, metric, value, unit, { source: 'ice-detention-fy2024', ...extra });
  const part = (category: string, f: ReturnType<typeof cell>, extra: Record<string, unknown> = {}) => ({ category, figure: f, ...extra });
  return {
    schemaVersion: '1.0.0',
    title: 'Constructed: ICE detention statistics FY2024',
    sources: [
      {
        id: 'ice-detention-fy2024',
        title: 'ICE Detention Statistics FY2024',
        publisher: 'U.S. Immigration and Customs Enforcement',
        kind: 'official-release',
        published: '2024-10-03',
        note: 'Constructed for tests: totals as issue 13 quotes them; the splits by criminality and agency are made up.',
      },
    ],
    operations: [],
    tables: [
      {
        id: 'detention-fy2024-table',
        name: 'ICE detention statistics, FY2024',
        agency: 'ICE-ERO',
        period: { fiscalYear: 2024 },
        places: [{ kind: 'nation', country: 'US' }],
        dimensions: ['criminality', 'agency'],
        figures: [
          cell('fy2024-book-ins', 'book-ins', 277913),
          cell('currently-detained', 'detention-population', 37684, 'people', { period: { start: '2024-10-01', end: '2024-10-01' } }),
          cell('fy2024-adp', 'average-daily-population', 24216.45, 'people-average'),
        ],
        breakdowns: [
          {
            id: 'book-ins-by-criminality',
            dimension: 'criminality',
            total: 'fy2024-book-ins',
            exhaustive: true,
            exclusive: true,
            parts: [
              part('convicted', cell('book-ins-convicted', 'book-ins', 90000), { criminality: ['convicted'] }),
              part('pending', cell('book-ins-pending', 'book-ins', 70000), { criminality: ['pending-charges'] }),
              part('other', cell('book-ins-other', 'book-ins', 117913), { criminality: ['other-immigration-violator'] }),
            ],
          },
          {
            id: 'book-ins-by-agency',
            dimension: 'agency',
            total: 'fy2024-book-ins',
            exhaustive: true,
            exclusive: true,
            parts: [part('ice', cell('book-ins-ice', 'book-ins', 120000)), part('cbp', cell('book-ins-cbp', 'book-ins', 157913))],
          },
          {
            id: 'adp-by-criminality',
            dimension: 'criminality',
            total: 'fy2024-adp',
            exhaustive: true,
            exclusive: true,
            parts: [
              part('convicted', cell('adp-convicted', 'average-daily-population', 9000.5, 'people-average'), { criminality: ['convicted'] }),
              part('pending', cell('adp-pending', 'average-daily-population', 6000.25, 'people-average'), { criminality: ['pending-charges'] }),
              part('other', cell('adp-other', 'average-daily-population', 9215.7, 'people-average'), { criminality: ['other-immigration-violator'] }),
            ],
          },
        ],
        sources: ['ice-detention-fy2024'],
      },
    ],
  };
}
