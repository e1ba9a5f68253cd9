import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  admin = 'admin',
  manager = 'manager',
  handler = 'handler',
  agent = 'agent',
  analyst = 'analyst',
  /** 业务专家: proposes product/service improvements (the telecom AAP model's PRODUCER). */
  expert = 'expert',
  auditor = 'auditor',
  api_client = 'api_client',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'What a user or API token may do. Every resolver names the roles it admits; the default is deny.',
});

export const ALL_ROLES = Object.values(Role) as Role[];
/** Roles that work complaints day to day. */
export const STAFF_ROLES = [Role.admin, Role.manager, Role.handler, Role.agent];
/** Roles that may read complaints (including personal data, subject to masking). */
export const READ_ROLES = [Role.admin, Role.manager, Role.handler, Role.agent, Role.analyst, Role.expert, Role.auditor, Role.api_client];

/** Staff may only grant roles at or below their own: admin > manager > everyone else. */
export const roleRank = (role: Role): number => (role === Role.admin ? 3 : role === Role.manager ? 2 : 1);
