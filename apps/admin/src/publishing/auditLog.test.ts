import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { auditActor } from './auditLog';

const root = resolve(__dirname, '../../../..');

describe('the audit log screen', () => {
  it('reads only fields the API’s AuditEntry has (时间 and 操作人 were empty: the screen read `at` / `actorEmail`)', () => {
    const schema = readFileSync(resolve(root, 'apps/api/schema.graphql'), 'utf8');
    const type = /type AuditEntry \{([\s\S]*?)\n\}/.exec(schema)?.[1] ?? '';
    const fields = new Set([...type.matchAll(/^\s+(\w+)(?:\(.*\))?:/gm)].map((m) => m[1]));
    const screen = readFileSync(resolve(__dirname, 'auditLog.tsx'), 'utf8');
    const read = [...screen.matchAll(/source="(\w+)"/g), ...screen.matchAll(/field: '(\w+)'/g), ...screen.matchAll(/row\.(\w+)/g)].map(
      (m) => m[1],
    );
    expect(read).toContain('createdAt');
    expect(read).toContain('actorEmail');
    expect(read.filter((name) => !fields.has(name))).toEqual([]);
  });

  it('names the actor by e-mail (with the name), an API token by its name, and the system otherwise', () => {
    expect(auditActor({ actorId: 'u1', actorEmail: 'admin@demo.local', actorName: '系统管理员 王敏' })).toBe(
      '系统管理员 王敏（admin@demo.local）',
    );
    expect(auditActor({ actorId: 'u1', actorEmail: 'admin@demo.local', actorName: null })).toBe('admin@demo.local');
    expect(auditActor({ actorId: 't1', actorEmail: null, actorName: '呼叫中心对接' })).toBe('呼叫中心对接');
    expect(auditActor({ actorId: 'gone', actorEmail: null, actorName: null })).toBe('gone');
    expect(auditActor({ actorId: null, actorEmail: null, actorName: null })).toBeNull();
  });
});
