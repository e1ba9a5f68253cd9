import { rollupAnswers } from './complaint-stats.service';

describe('which statistics the daily rollup answers', () => {
  it('takes filters on its stored dimensions and leaves the others to the complaints', () => {
    expect(rollupAnswers({})).toBe(true);
    expect(rollupAnswers({ type: 'service', severity: ['urgent'], department: 'quality', channel: 'phone' })).toBe(true);
    expect(rollupAnswers({ state: [], open: false, text: '' })).toBe(true);
    expect(rollupAnswers({ state: ['closed'] })).toBe(false);
    expect(rollupAnswers({ open: true })).toBe(false);
    expect(rollupAnswers({ text: '空调' })).toBe(false);
    expect(rollupAnswers({ receivedFrom: new Date() })).toBe(false);
    expect(rollupAnswers({ slaStatus: ['breached'] })).toBe(false);
  });
});
