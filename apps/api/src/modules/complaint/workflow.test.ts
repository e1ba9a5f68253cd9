import { allowedTargets, checkTransition } from './workflow';

describe('complaint workflow', () => {
  it('lets a handler start work on a dispatched complaint', () => {
    expect(checkTransition('dispatched', 'in_progress', 'handler', undefined).ok).toBe(true);
  });
  it('refuses an illegal move and says which moves are allowed', () => {
    const result = checkTransition('received', 'closed', 'agent', 'x');
    expect(result).toMatchObject({ ok: false, reason: 'ROLE_NOT_ALLOWED' });
    const illegal = checkTransition('closed', 'in_progress', 'manager', 'x');
    expect(illegal).toMatchObject({ ok: false, reason: 'ILLEGAL_TRANSITION', allowed: ['reopened'] });
  });
  it('requires a reason to close as invalid', () => {
    expect(checkTransition('assessed', 'invalid_closed', 'handler', '  ')).toMatchObject({ ok: false, reason: 'COMMENT_REQUIRED' });
    expect(checkTransition('assessed', 'invalid_closed', 'handler', '客户误解').ok).toBe(true);
  });
  it('lists the targets by role', () => {
    expect(allowedTargets('follow_up', 'manager')).toEqual(['closed']);
    expect(allowedTargets('follow_up', 'agent')).toEqual([]);
  });
});
