// The Caliq simulator's public surface, for tests and for main.ts.
export { type GeneratedCustomer, generateCustomers } from './generate.js';
export { alreadyLoggedIssue, judgeInteraction, SIMULATOR_MESSAGES, type SimulatorIssue } from './rules.js';
export { loadSimulatorSeed, readDefaultSeed, type SimulatorSeed } from './seed.js';
export {
  type CaliqSimulator,
  type CaliqSimulatorOptions,
  type FaultKind,
  type ReceivedRequest,
  type SimulatorFaults,
  type StoredInteraction,
  startCaliqSimulator,
} from './server.js';
