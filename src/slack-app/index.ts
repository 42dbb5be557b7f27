// The Bolt app's public surface: built in either mode, with every ack timed.
export { ackKindOf, timeAcks } from './ack-timing.js';
export { createSlackApp, type SlackApp, type SlackAppOptions } from './create-slack-app.js';
