// What a person is told when someone has no Caliq employee ID: under the follow-up picker, and in a workflow step.
import type { EmployeeLookup } from '../people/index.js';

/** The sentence shown under the follow-up picker when that person has no Caliq employee ID. */
export function describeUnmappedFollowUp(lookup: EmployeeLookup, mappingContact: string): string | undefined {
  if (lookup.ok) return undefined;
  if (lookup.reason === 'lookup_failed') {
    return 'Slack did not tell me who this is in time; please press Log again.';
  }
  if (lookup.reason === 'ambiguous') {
    return `This person matches more than one Caliq employee, so I can't tell which. Ask ${mappingContact} to map them.`;
  }
  return `This person isn't mapped to a Caliq employee ID yet, so Caliq can't remind them. Ask ${mappingContact} to map them, or pick someone else.`;
}

/** Plain words for Workflow Builder (no mrkdwn): the person has no Caliq employee ID, or Slack did not say in time. */
export function describeUnmappedStepPerson(person: string, reason: string, mappingContact: string): string {
  if (reason === 'lookup_failed') {
    return `Slack did not tell me who ${person} is in Caliq in time, so nothing was sent. Run the workflow again.`;
  }
  return (
    `The person who interacted (Slack member ID ${person}) isn't linked to a Caliq employee ID, so nothing was sent. ` +
    `Ask ${mappingContact} to add the line "${person},<employee ID>" to the EMPLOYEE_MAP file, then run it again.`
  );
}
