// The people module's public surface: the map file, the Slack port it needs and the directory built from both.
export {
  createPeopleDirectory,
  type EmployeeLookup,
  type PeopleDirectory,
  type PeopleDirectoryOptions,
} from './directory.js';
export { type EmployeeMap, EmployeeMapError, emptyEmployeeMap, loadEmployeeMap } from './employee-map.js';
export { matchCaliqEmployee } from './match-employee.js';
export type { SlackProfileFieldDefinition, SlackUserFacts, SlackUserSource } from './slack-user-source.js';
export { isValidTimeZone } from './time-zones.js';
