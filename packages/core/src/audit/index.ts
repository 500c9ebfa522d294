// The audit: a checker of datasets, one file per check in checks/, listed in registry.ts; the
// messages are written in messages.ts from each finding's fields.
export type { FigureRef, Finding, FindingCode, FindingDraft, FindingLocation, FindingSeverity, FindingVerdict } from './finding';
export { decimalPrecision, defaultAuditOptions, statedPrecision, statedReading, type AuditOptions } from './judge';
export { figureRef, type AuditCheck, type AuditContext, type FigureHome } from './check';
export { findingMessage } from './messages';
export { auditChecks } from './registry';
export { audit, countFindings } from './audit';
export { normaliseEvidenceText, verifyEvidence, type EvidenceCheck, type EvidenceReport } from './verify-evidence';
