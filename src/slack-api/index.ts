// What the bot sends to Slack's Web API and response_urls: notices, reminder DMs, user profiles, views.
export { createDeliveryNotices } from './delivery-notices.js';
export {
  type ConversationSharing,
  readConversationSharing,
  readSlackAuthor,
  readTeamName,
  type SlackAuthor,
} from './message-context.js';
export { createNotifier, type Notifier, type SlackMessage } from './notifier.js';
export { readMessage, type SlackMessageFacts } from './read-message.js';
export { createReminderSender } from './reminder-sender.js';
export { createSlackUserSource } from './slack-user-profiles.js';
export {
  readThread,
  THREAD_MAX_MESSAGES,
  type ThreadProblem,
  type ThreadRead,
  threadProblemOf,
} from './thread-reader.js';
export { openView, publishView, updateView } from './views.js';
