import type { PolicyDocument } from '@redress/sdk';
import type { PolicyProblem } from './policy-problem';
import { APPROVER_ROLES, approverMatches, describeApprovers } from './approval-chain';

/** What the publish check needs to know of a tenant's member: whether they may still be given work. */
export interface PolicyPerson {
  active: boolean;
}

/** Every e-mail a policy names as a person (team members, department managers), lower-cased. */
export function peopleNamedBy(document: PolicyDocument): string[] {
  const emails = [
    ...document.teams.flatMap((team) => team.members),
    ...document.departments.flatMap((department) => (department.managerEmail ? [department.managerEmail] : [])),
    ...(document.approvalChains ?? []).flatMap((chain) =>
      (chain.steps ?? []).flatMap((step) => (step.approvers ?? []).flatMap((a) => (a.user ? [a.user] : []))),
    ),
  ];
  return [...new Set(emails.map((email) => email.trim().toLowerCase()))];
}

/**
 * Team members and department managers must be active members of the tenant: a policy that routes work to a person
 * nobody can sign in as would leave complaints unassigned without anyone noticing. `people` maps the tenant's
 * members by lower-cased e-mail. One problem per entry, located by path (`teams[cs_frontline].members[1]`).
 */
export function checkPolicyPeople(document: PolicyDocument, people: ReadonlyMap<string, PolicyPerson>): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const check = (path: string, email: string) => {
    const person = people.get(email.trim().toLowerCase());
    if (!person) {
      problems.push({
        path,
        code: 'USER_UNKNOWN',
        message: `${email} is not a user of this tenant`,
        suggestion: 'Invite the person first, or remove the entry',
      });
    } else if (!person.active) {
      problems.push({
        path,
        code: 'USER_DEACTIVATED',
        message: `${email} is deactivated`,
        suggestion: 'Reactivate the person, or remove the entry',
      });
    }
  };
  for (const team of document.teams) team.members.forEach((email, index) => check(`teams[${team.key}].members[${index}]`, email));
  for (const department of document.departments)
    if (department.managerEmail) check(`departments[${department.key}].managerEmail`, department.managerEmail);
  for (const chain of document.approvalChains ?? []) {
    for (const step of chain.steps ?? []) {
      (step.approvers ?? []).forEach((a, index) => {
        if (a.user) check(`approvalChains[${chain.key}].steps[${step.key}].approvers[${index}].user`, a.user);
      });
    }
  }
  return problems;
}

/** A member as an approval step sees them. */
export interface PolicySigner {
  id: string;
  email: string;
  role: string;
  departmentId: string | null;
  active: boolean;
}

/**
 * Every step of every approval chain must have enough active people who may sign it: a step nobody can sign would
 * hold every reply (or policy version) it applies to forever. One problem per step.
 */
export function approvalSignerProblems(document: PolicyDocument, members: readonly PolicySigner[]): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  for (const chain of document.approvalChains ?? []) {
    for (const step of chain.steps ?? []) {
      const path = `approvalChains[${chain.key}].steps[${step.key}]`;
      const signers = members.filter(
        (m) =>
          m.active &&
          APPROVER_ROLES.includes(m.role) &&
          (step.approvers ?? []).some((a) =>
            approverMatches(a, { userId: m.id, role: m.role, email: m.email, departmentId: m.departmentId }),
          ),
      );
      const needed = Math.max(1, step.signatures ?? 1);
      if (!signers.length) {
        problems.push({
          path,
          code: 'NO_SIGNER',
          message: `No active user may sign the step ${step.name?.zh ?? step.key} (${describeApprovers(step)})`,
          suggestion: 'Add such a user, or change the approvers',
        });
      } else if (signers.length < needed) {
        problems.push({
          path: `${path}.signatures`,
          code: 'NOT_ENOUGH_SIGNERS',
          message: `The step needs ${needed} signatures but only ${signers.length} active users may sign it`,
        });
      }
    }
  }
  return problems;
}
