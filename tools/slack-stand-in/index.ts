// A stand-in for Slack (Web API, response_url, Socket Mode) and signed request builders, for tests and the demo.
export * from './fake-slack.js';
export * from './slack-requests.js';
