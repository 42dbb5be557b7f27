// The interaction domain's public API: reading drafts from Slack, prefilling them, and validating them for Caliq.
export { type CommandText, parseCommandText, type Subcommand } from './command-text.js';
export { type ContactName, contactFromEmailText, contactFromProfile, splitFullName } from './contact-names.js';
export type { Draft, ModalMetadata, RememberedContactOption, ReplyTarget } from './draft.js';
export { readReplyTarget } from './draft.js';
export { buildNotes, draftFromMessage, formatWhenPhrase, guessKind } from './from-message.js';
export { NOTES_MAX_LENGTH } from './limits.js';
export { type FollowUpPerson, isQuickLogLine, parseQuickLog, type QuickLine } from './quick-log.js';
export { ATTACH_THREAD_VALUE, readDraft, SOMEONE_NEW_VALUE } from './read-state.js';
export {
  type AccountCandidate,
  type QuickLineContext,
  type RememberedContact,
  type ResolvedQuickLine,
  resolveChannel,
  resolveQuickLine,
} from './resolve-quick-line.js';
export { type NameOf, unescapeSlackText } from './slack-text.js';
export { type ReadStepInputs, readStepInputs, type StepInputs } from './step-inputs.js';
export {
  buildThreadOffer,
  composeNotes,
  type ThreadMessage,
  type ThreadOffer,
  TRANSCRIPT_LINE_MAX,
  transcriptBudget,
} from './thread-transcript.js';
export { type FollowUpEmployee, type ValidationContext, type ValidationResult, validateDraft } from './validate.js';
