import { decisionCall, extensionApprovals, mergeApprovals, policyApprovals, replyApprovals } from './approvals';

const LONG = '营业员态度冷淡，问了三遍才回答。'.repeat(4);

describe('approvals inbox rows', () => {
  const replies = replyApprovals([
    {
      id: 'c1',
      number: '2611-0001',
      title: '重复扣费',
      approvalStatus: 'pending',
      pendingReply: { body: '已退还 388.5 元', proposedBy: 'u-handler', proposedAt: '2026-11-25T03:00:00.000Z' },
    },
    // Sent back: no longer waiting, even if the state has not moved yet.
    { id: 'c2', number: '2611-0002', text: '营业员态度冷淡，问了三遍才回答，很不满意', approvalStatus: 'rejected', pendingReply: null },
    {
      id: 'c3',
      number: '2611-0003',
      text: LONG,
      approvalStatus: 'pending',
      pendingReply: { solution: '致歉', body: '您好', proposedBy: 'u-agent', proposedAt: '2026-11-25T05:00:00.000Z' },
    },
  ]);
  const versions = policyApprovals([
    { version: 2, status: 'published', createdBy: 'u-admin', createdAt: '2026-11-24T00:00:00.000Z' },
    { version: 3, status: 'pending_approval', createdBy: 'u-admin', createdAt: '2026-11-25T04:00:00.000Z', note: '新增银行卡字段' },
  ]);
  const extensions = extensionApprovals(
    [
      {
        id: 'r1',
        complaintId: 'c9',
        target: 'regulatory_answer',
        stage: 1,
        reason: '需调取流水',
        status: 'requested',
        requestedBy: 'u-handler',
        requestedAt: '2026-11-25T01:00:00.000Z',
      },
      {
        id: 'r0',
        complaintId: 'c9',
        target: 'regulatory_answer',
        stage: 1,
        reason: '旧申请',
        status: 'rejected',
        requestedAt: '2026-11-20T01:00:00.000Z',
      },
    ],
    new Map([['c9', { number: '2611-0009', title: '年费多收' }]]),
  );

  it('keeps only what still waits, with what it is, the subject, who proposed it and when', () => {
    expect(replies.map((r) => r.id)).toEqual(['reply:c1', 'reply:c3']);
    expect(replies[0]).toMatchObject({
      kind: 'reply',
      complaintId: 'c1',
      number: '2611-0001',
      title: '重复扣费',
      summary: '已退还 388.5 元',
      proposedBy: 'u-handler',
    });
    // The solution when one was given; a missing title is the start of the text.
    expect(replies[1].summary).toBe('致歉');
    expect(replies[1].title).toHaveLength(40);
    expect(LONG.startsWith(replies[1].title!)).toBe(true);
    expect(versions).toEqual([
      {
        id: 'policy:3',
        kind: 'policy',
        version: 3,
        summary: '新增银行卡字段',
        proposedBy: 'u-admin',
        proposedAt: '2026-11-25T04:00:00.000Z',
      },
    ]);
    expect(extensions).toEqual([
      expect.objectContaining({
        id: 'extension:r1',
        complaintId: 'c9',
        number: '2611-0009',
        title: '年费多收',
        target: 'regulatory_answer',
        stage: 1,
        summary: '需调取流水',
      }),
    ]);
  });

  it('merges the three owners newest first', () => {
    expect(mergeApprovals(replies, versions, extensions).map((r) => r.id)).toEqual(['reply:c3', 'policy:3', 'reply:c1', 'extension:r1']);
  });

  it('sends each decision to the mutation of the row’s owner, a rejection with its reason', () => {
    expect(decisionCall('reply:c1', 'approve')).toEqual({ mutation: 'approveComplaintReply', args: { id: 'c1', comment: undefined } });
    expect(decisionCall('reply:c1', 'reject', ' 金额有误 ')).toEqual({
      mutation: 'rejectComplaintReply',
      args: { id: 'c1', comment: '金额有误' },
    });
    expect(decisionCall('policy:3', 'approve')).toEqual({ mutation: 'approvePolicyVersion', args: { version: 3, note: undefined } });
    expect(decisionCall('policy:3', 'reject', '规则测试不足')).toEqual({
      mutation: 'rejectPolicyVersion',
      args: { version: 3, note: '规则测试不足' },
    });
    expect(decisionCall('extension:r1', 'approve')).toEqual({ mutation: 'approveDeadlineExtension', args: { requestId: 'r1' } });
    expect(decisionCall('extension:r1', 'reject', '材料已齐')).toEqual({
      mutation: 'rejectDeadlineExtension',
      args: { requestId: 'r1', reason: '材料已齐' },
    });
    expect(() => decisionCall('other:1', 'approve')).toThrow('unknown approval other:1');
  });
});
