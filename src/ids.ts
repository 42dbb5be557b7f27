// Every Slack callback_id, block_id and action_id the bot uses, in one place (snake_case values).
export const COMMAND = '/log-interaction';

export const CALLBACK = {
  logModal: 'log_interaction_modal',
  logFromMessageShortcut: 'log_interaction_from_message',
  /** The global shortcut (⚡ menu): opens the empty form. */
  logGlobalShortcut: 'log_interaction_global',
} as const;

/** Input blocks of the log modal: the keys of `response_action: errors`. One action_id per block: `value`. */
export const BLOCK = {
  account: 'account_block',
  kind: 'kind_block',
  channel: 'channel_block',
  contactFirstName: 'contact_first_name_block',
  contactSurname: 'contact_surname_block',
  when: 'when_block',
  notes: 'notes_block',
  followUpWhen: 'follow_up_when_block',
  followUpBy: 'follow_up_by_block',
  followUpNotes: 'follow_up_notes_block',
  /** The people logged with the account before, and "Someone new"; shown once an account is chosen. */
  contactChoice: 'contact_choice_block',
  /** The "Attach the thread (N messages)" checkbox, under the notes. */
  attachThread: 'attach_thread_block',
} as const;

/** Prefixes of the log modal's read-only blocks that updates carry over: `thread_transcript_0`, `form_notice_1`. */
export const DISPLAY_BLOCK = {
  threadTranscript: 'thread_transcript_',
  formNotice: 'form_notice_',
} as const;

export type BlockId = (typeof BLOCK)[keyof typeof BLOCK];

/** The action_id of the element inside each input block of the log modal (same keys as BLOCK). */
export const ELEMENT = {
  account: 'account',
  kind: 'kind',
  channel: 'channel',
  contactFirstName: 'contact_first_name',
  contactSurname: 'contact_surname',
  /** dispatch_action on enter: show how the date was understood. */
  when: 'when_entered',
  notes: 'notes',
  /** dispatch_action on enter: show how the follow-up date was understood. */
  followUpWhen: 'follow_up_when_entered',
  /** dispatch_action on select: check the person is mapped to a Caliq employee. */
  followUpBy: 'follow_up_by_selected',
  followUpNotes: 'follow_up_notes',
  attachThread: 'attach_thread',
  /** dispatch_action on select: "Someone new" shows the name fields, a remembered contact hides them. */
  contactChoice: 'contact_choice_selected',
} as const satisfies Record<keyof typeof BLOCK, string>;

export const ACTION = {
  retryEntry: 'journal_retry',
  editEntry: 'journal_edit',
  reminderLogFollowUp: 'reminder_log_follow_up',
  reminderSnooze: 'reminder_snooze',
  reminderDone: 'reminder_done',
  /** The App Home tab's "Log interaction" button. */
  homeLogInteraction: 'home_log_interaction',
  /** The "Log interaction" button on the private prompt a LOG_REACTION emoji brings. */
  logFromReaction: 'reaction_log_message',
  /** A quick log card's buttons: send what the card shows, open the form with it, or drop it. */
  quickLogConfirm: 'quick_log_confirm',
  quickLogEdit: 'quick_log_edit',
  quickLogCancel: 'quick_log_cancel',
} as const;

/** The Workflow Builder step (a custom function declared in manifest.yml under `functions`). */
export const FUNCTION = {
  logInteraction: 'log_interaction_to_caliq',
} as const;
