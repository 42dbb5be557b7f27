// What the bot sends to Slack's Web API and response_urls: notices, reminder DMs, user profiles.
export { createDeliveryNotices } from './delivery-notices.js';
export { createNotifier, type Notifier, type SlackMessage } from './notifier.js';
export { createReminderSender } from './reminder-sender.js';
export { createSlackUserSource } from './slack-user-profiles.js';
