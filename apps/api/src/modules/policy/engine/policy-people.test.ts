import { emptyPolicy, type PolicyDocument } from '@redress/sdk';
import { checkPolicyPeople, peopleNamedBy } from './policy-people';

const document = (): PolicyDocument => ({
  ...emptyPolicy(),
  departments: [{ key: 'cs', name: { zh: '客服', en: 'CS' }, managerEmail: 'Boss@x.example' }],
  teams: [
    {
      key: 'front',
      departmentKey: 'cs',
      name: { zh: '一线', en: 'Front' },
      members: ['a@x.example', 'gone@x.example', 'nobody@x.example'],
    },
  ],
});

describe('policy people check', () => {
  it('names every team member and department manager once, lower-cased', () => {
    expect(peopleNamedBy(document()).sort()).toEqual(['a@x.example', 'boss@x.example', 'gone@x.example', 'nobody@x.example']);
  });

  it('flags unknown and deactivated people by path', () => {
    const people = new Map([
      ['a@x.example', { active: true }],
      ['boss@x.example', { active: true }],
      ['gone@x.example', { active: false }],
    ]);
    expect(checkPolicyPeople(document(), people).map(({ path, code }) => ({ path, code }))).toEqual([
      { path: 'teams[front].members[1]', code: 'USER_DEACTIVATED' },
      { path: 'teams[front].members[2]', code: 'USER_UNKNOWN' },
    ]);
    people.set('nobody@x.example', { active: true });
    people.set('gone@x.example', { active: true });
    expect(checkPolicyPeople(document(), people)).toEqual([]);
  });
});
