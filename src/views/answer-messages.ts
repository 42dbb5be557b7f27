// The short answers listeners give after an ack: a button pressed on something gone, someone else's entry, and how a
// request ended when the database or Slack failed after the ack (what did not happen, in plain words).

/** A one-line answer without blocks (Slack shows the text as it is). */
export type PlainAnswer = { text: string };

/** What a person asked for, so a failure can say which thing did not happen. */
export type RequestedAction =
  | 'retry'
  | 'edit'
  | 'done'
  | 'snooze'
  | 'log_follow_up'
  | 'open_form'
  | 'submit'
  | 'status'
  | 'followups'
  | 'link'
  | 'unlink'
  | 'check_form'
  | 'show_hint'
  | 'quick_log'
  | 'log_it'
  | 'workflow_step'
  | 'show_contacts';

/** Why it did not happen, as far as the person needs to know. */
export type FailureCause =
  | { kind: 'database' }
  | { kind: 'slack'; code: string }
  | { kind: 'caliq' }
  | { kind: 'unknown' };

const NOT_DONE: Readonly<Record<RequestedAction, string>> = {
  retry: 'Your entry was not sent again',
  edit: 'The form to edit your entry did not open',
  done: 'The follow-up was not marked done',
  snooze: 'The follow-up was not snoozed',
  log_follow_up: 'The form to log the follow-up did not open',
  open_form: 'The log form did not open',
  submit: 'Your entry is saved but not sent yet',
  status: 'I could not show your status',
  followups: 'I could not show your follow-ups',
  link: 'The channel was not linked',
  unlink: 'The channel was not unlinked',
  check_form: 'I could not check your form, and nothing was sent',
  show_hint: 'I could not show how I read the form (it is checked again when you press Log)',
  quick_log: 'I could not show the preview, and nothing was sent',
  log_it: 'The preview was not logged',
  workflow_step: 'The workflow step did not log the interaction',
  show_contacts: 'I could not show the people logged with this account before; type the contact’s name instead',
};

function because(cause: FailureCause): string {
  switch (cause.kind) {
    case 'database':
      return 'the bot’s database did not answer';
    case 'slack':
      return cause.code === 'expired_trigger_id'
        ? 'Slack’s window to open a form had closed'
        : `Slack refused the request (${cause.code})`;
    case 'caliq':
      return 'Caliq did not answer';
    default:
      return 'something unexpected went wrong on the bot’s side';
  }
}

/** What to do next; trying again is right unless the bot keeps trying by itself. */
const NEXT_STEP: Partial<Readonly<Record<RequestedAction, string>>> = {
  submit: 'I’ll keep trying to send it; /log-interaction status shows where it stands.',
};

/** After the ack, something failed: what did not happen, why, and what to do. */
export function buildRequestFailedMessage(action: RequestedAction, cause: FailureCause): PlainAnswer {
  const next = NEXT_STEP[action] ?? 'Please try again in a moment.';
  return { text: `⚠️ ${NOT_DONE[action]}: ${because(cause)}. ${next}` };
}

export const ENTRY_NOT_FOUND: PlainAnswer = {
  text: 'I can’t find that entry any more. Run /log-interaction status to see what is waiting.',
};
export const ENTRY_NOT_YOURS: PlainAnswer = {
  text: 'That entry was logged by someone else, so only they can retry or edit it.',
};
export const ENTRY_STILL_PENDING: PlainAnswer = {
  text: 'That entry is still waiting to be sent to Caliq, so it can’t be changed now. If Caliq rejects it, you’ll get an Edit button.',
};
export const REMINDER_CHANGED: PlainAnswer = {
  text: 'That reminder has changed since this message was sent; the buttons on its latest message still work.',
};
export const FORM_OUT_OF_DATE: PlainAnswer = {
  text: 'That form was out of date and nothing was sent. Please run /log-interaction again.',
};
export const SUBMITTER_LOOKUP_SLOW: PlainAnswer = {
  text: 'Slack did not tell me who you are in Caliq in time, so nothing was sent. Please try again in a moment.',
};
/** Shown inline on the form: the journal write failed before the ack, so nothing left the bot. */
export const JOURNAL_WRITE_FAILED =
  'I could not save this right now (the bot’s database failed), so nothing was sent. Press Log again in a moment.';
