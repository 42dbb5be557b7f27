// The people module's public surface: the map file, the Slack port it needs and the directory built from both.
export {
  createPeopleDirectory,
  type EmployeeLookup,
  type PeopleDirectory,
  type PeopleDirectoryOptions,
} from './directory.js';
export { type EmployeeMap, EmployeeMapError, emptyEmployeeMap, loadEmployeeMap } from './employee-map.js';
export { matchCaliqEmployee } from './match-employee.js';
export type { SlackPeoplePort, SlackProfileFieldDefinition, SlackUserFacts } from './slack-people-port.js';
export { isValidTimeZone } from './time-zones.js';
