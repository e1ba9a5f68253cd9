import { effectiveWorkflows, type PolicyDocument } from '@redress/sdk';
import type { PolicyVersion } from '../policy-version.entity';
import type { RuleTestResult } from '../engine/rule-tests';
import { describeFailures } from '../engine/rule-tests';
import type { PolicyDocumentType } from './policy-document.types';
import type { PolicyVersionType, RuleTestResultType } from './policy-results.types';

/** The document as the typed GraphQL object (same data; the GraphQL classes mirror the SDK types). */
export const documentView = (document: PolicyDocument) =>
  ({
    ...document,
    holidaySchedules: document.holidaySchedules ?? [],
    findingCodes: document.findingCodes ?? [],
    workflows: effectiveWorkflows(document),
    approvalChains: document.approvalChains ?? [],
  }) as unknown as PolicyDocumentType;

export function versionView(row: PolicyVersion, currentVersion: number | null): PolicyVersionType {
  return {
    version: row.version,
    status: row.status,
    isCurrent: row.version === currentVersion,
    createdBy: row.createdBy,
    approvedBy: row.approvedBy,
    note: row.note,
    decisionNote: row.decisionNote,
    createdAt: row.createdAt,
    publishedAt: row.publishedAt,
    contentHash: row.contentHash,
    rolledBackFrom: row.rolledBackFrom,
    approval: row.approval ?? null,
    document: documentView(row.document),
    documentJson: row.document,
  };
}

export function testResultView(result: RuleTestResult): RuleTestResultType {
  return {
    ...result,
    failures: result.failures.map((failure) => ({
      ...failure,
      message: describeFailures([{ ...result, error: undefined, failures: [failure] }])[0],
    })),
  };
}
