// The Slack Block Kit limits the views rely on, in one table, so builders cap and tests check against the same numbers.

/** Slack's documented limits (docs.slack.dev Block Kit reference, @slack/types). Characters unless stated. */
export const SLACK_LIMITS = {
  modalTitle: 24,
  modalButton: 24,
  modalBlocks: 100,
  messageBlocks: 50,
  privateMetadata: 3000,
  callbackId: 255,
  blockId: 255,
  actionId: 255,
  plainTextInputMaxLength: 3000,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  headerText: 150,
  sectionText: 3000,
  contextElements: 10,
  actionsElements: 25,
  staticSelectOptions: 100,
  radioOptions: 10,
  optionText: 75,
  /** @slack/types says 75, the docs have said 150: stay within the smaller. */
  optionValue: 75,
  buttonText: 75,
  buttonValue: 2000,
  /** chat.postMessage truncates `text` beyond this. */
  messageText: 40_000,
  /** views.open / views.update refuse larger views with view_too_large. */
  viewBytes: 250_000,
} as const;

/** Raised when a builder would produce something Slack refuses; a programming error, not a user error. */
export class ViewLimitError extends Error {
  override readonly name = 'ViewLimitError';
}
