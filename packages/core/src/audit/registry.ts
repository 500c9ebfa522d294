import type { AuditCheck } from './check';
import { breakdownSumCheck } from './checks/breakdown-sum';
import { claimCheck } from './checks/claim';
import { containmentCheck } from './checks/containment';
import { derivedFigureCheck } from './checks/derived-figure';
import { impossiblePeriodCheck } from './checks/impossible-period';
import { partsExceedTotalCheck } from './checks/parts-exceed-total';
import { sourcesDisagreeCheck } from './checks/sources-disagree';
import { statedShareCheck } from './checks/stated-share';
import { unexplainedRemainderCheck } from './checks/unexplained-remainder';

/**
 * The checks {@link audit} runs, in the order their findings come. A new check is one file in
 * `audit/checks/` listed here (and its messages in `audit/messages.ts`).
 */
export const auditChecks: readonly AuditCheck[] = Object.freeze([
  breakdownSumCheck,
  partsExceedTotalCheck,
  unexplainedRemainderCheck,
  containmentCheck,
  claimCheck,
  statedShareCheck,
  derivedFigureCheck,
  sourcesDisagreeCheck,
  impossiblePeriodCheck,
]);
