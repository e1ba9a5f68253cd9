import type { PolicyDocument } from '@redress/sdk';
import type { PolicyProblem } from './policy-problem';

/** What the publish check needs to know of a tenant's member: whether they may still be given work. */
export interface PolicyPerson {
  active: boolean;
}

/** Every e-mail a policy names as a person (team members, department managers), lower-cased. */
export function peopleNamedBy(document: PolicyDocument): string[] {
  const emails = [
    ...document.teams.flatMap((team) => team.members),
    ...document.departments.flatMap((department) => (department.managerEmail ? [department.managerEmail] : [])),
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
      problems.push({ path, code: 'USER_UNKNOWN', message: `${email} is not a user of this tenant`, suggestion: 'Invite the person first, or remove the entry' });
    } else if (!person.active) {
      problems.push({ path, code: 'USER_DEACTIVATED', message: `${email} is deactivated`, suggestion: 'Reactivate the person, or remove the entry' });
    }
  };
  for (const team of document.teams) team.members.forEach((email, index) => check(`teams[${team.key}].members[${index}]`, email));
  for (const department of document.departments) if (department.managerEmail) check(`departments[${department.key}].managerEmail`, department.managerEmail);
  return problems;
}
