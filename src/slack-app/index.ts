// The Bolt app's public surface: built in either mode, with every ack timed and block actions routed by ID.
export { ackKindOf, timeAcks } from './ack-timing.js';
export { type ActionArgs, type ActionHandler, type ActionRoutes, routeActions } from './action-routes.js';
export { createSlackApp, type SlackApp, type SlackAppOptions } from './create-slack-app.js';
