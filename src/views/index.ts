// The views' public surface: pure builders of Slack modals and messages, and the limits they respect.
export { accountOption, buildAccountSuggestions } from './account-options.js';
export {
  buildRequestFailedMessage,
  ENTRY_NOT_FOUND,
  ENTRY_NOT_YOURS,
  ENTRY_STILL_PENDING,
  type FailureCause,
  FORM_OUT_OF_DATE,
  JOURNAL_WRITE_FAILED,
  type PlainAnswer,
  REMINDER_CHANGED,
  type RequestedAction,
  SUBMITTER_LOOKUP_SLOW,
} from './answer-messages.js';
export { actionsBlock, buttonElement, contextBlock, type MessageView, plainText, sectionBlock } from './blocks.js';
export {
  buildChannelLinkedMessage,
  buildChannelLinkProblemMessage,
  buildChannelUnlinkedMessage,
  type ChannelLinkProblem,
  describeLinkedChannel,
} from './channel-link-messages.js';
export { buildContactBlocks, REMEMBERED_CONTACTS_SHOWN, readRememberedContacts } from './contact-blocks.js';
export {
  describeCustomerOf,
  describeElapsed,
  describeInteraction,
  describeKind,
  formatContact,
  mentionUser,
} from './describe.js';
export { escapeMrkdwn, quoteMrkdwn, truncate, truncateMrkdwn } from './escape.js';
export { buildNoticeBlocks, buildThreadBlocks, describeLeftOut, readFormExtras } from './form-extras.js';
export {
  BOT_HANDLE,
  describeContactFromEmail,
  describeContactFromSlack,
  describeMessageUnreadable,
  describeSharedChannel,
  describeThreadProblem,
  READING_MESSAGE,
  type ThreadProblemKind,
} from './form-notices.js';
export { buildHelpMessage } from './help-message.js';
export { buildHomeView, HOME_ENTRIES, type HomeViewInput } from './home-view.js';
export { buildIssueBlocks, formatIssue } from './issues.js';
export { listMessageLimitViolations, listModalLimitViolations } from './limit-violations.js';
export { SLACK_LIMITS, ViewLimitError } from './limits.js';
export {
  ACCOUNT_MIN_QUERY_LENGTH,
  type AccountFieldInput,
  buildLogModal,
  DEFAULT_HINTS,
  type LogModalInput,
} from './log-modal.js';
export { computeModalHints, type HintInput, type ModalHints } from './modal-hints.js';
export { decodeModalMetadata, encodeModalMetadata } from './modal-metadata.js';
export {
  buildAlreadyLoggedMessage,
  buildBusyMessage,
  buildDeliveredLaterMessage,
  buildLoggedMessage,
  buildSavedForLaterMessage,
  type LoggedMessageInput,
} from './outcome-messages.js';
export { describeUnmappedFollowUp, describeUnmappedStepPerson } from './people-messages.js';
export {
  buildEntryButtons,
  buildFailedMessage,
  buildGaveUpMessage,
  buildListUnavailableMessage,
  buildMisconfiguredMessage,
  buildRejectedMessage,
  buildUnmappedUserMessage,
  type UnmappedUserMessageInput,
} from './problem-messages.js';
export {
  buildQuickLogCard,
  buildQuickLogProblemCard,
  QUICK_LOG_CANCELLED,
  QUICK_LOG_MAX_AGE_MS,
  QUICK_LOG_MAX_TEXT,
  QUICK_LOG_STALE,
  QUICK_LOG_TOO_LONG,
  QUICK_LOG_UNREADABLE,
  type QuickLogCardInput,
} from './quick-log-card.js';
export { decodeQuickLogValue, encodeQuickLogValue, type QuickLogValue } from './quick-log-value.js';
export {
  buildReactionPrompt,
  decodeReactionTarget,
  REACTION_PROMPT_TEXT,
  type ReactionTarget,
} from './reaction-prompt.js';
export {
  decodeReminderAction,
  encodeReminderAction,
  type ReminderAction,
  SNOOZE_LABELS,
} from './reminder-actions.js';
export {
  buildFollowupsListMessage,
  buildNotYourReminderMessage,
  buildReminderButtons,
  buildReminderDoneMessage,
  buildReminderMessage,
  buildReminderSnoozedMessage,
  FOLLOWUPS_WINDOW_DAYS,
} from './reminder-messages.js';
export { buildStatusMessage, STATUS_WINDOW_DAYS } from './status-message.js';
