import { complaintOrder } from './index';

describe('work queue ordering', () => {
  it('names the API order for the column the user sorted by', () => {
    expect(complaintOrder('receivedAt', 'DESC')).toBe('RECEIVED_DESC');
    expect(complaintOrder('receivedAt', 'ASC')).toBe('RECEIVED_ASC');
    expect(complaintOrder('resolutionDueAt', 'ASC')).toBe('RESOLUTION_DUE_ASC');
  });
});
