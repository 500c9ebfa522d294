/**
 * Record tables: the models, field kinds, date axes and vocabularies of ICE's record-level
 * releases (arrests, encounters, removals, detainers, detention book-ins).
 *
 * @packageDocumentation
 */
export * from './aor-values';
export * from './countries';
export * from './field-kinds';
export * from './missing';
export * from './redaction';
export * from './tables';
export * from './timestamp';
