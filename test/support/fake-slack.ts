// Moved to src/slack-stand-in/ (the demo uses it too); kept here so tests keep importing from test/support.
export * from '../../src/slack-stand-in/fake-slack.js';
