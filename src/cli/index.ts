// The journal CLI's public surface: one entry point that runs a command line against the journal.
export { runCli } from './run.js';
