// The interaction domain's public API: reading drafts from Slack, prefilling them, and validating them for Caliq.
export { type CommandText, parseCommandText, type Subcommand } from './command-text.js';
export type { Draft, ModalMetadata, ReplyTarget } from './draft.js';
export { readReplyTarget } from './draft.js';
export { buildNotes, draftFromMessage, formatWhenPhrase, guessKind } from './from-message.js';
export { NOTES_MAX_LENGTH } from './limits.js';
export { type FollowUpPerson, isQuickLogLine, parseQuickLog, type QuickLine } from './quick-log.js';
export { readDraft } from './read-state.js';
export {
  type AccountCandidate,
  type QuickLineContext,
  type RememberedContact,
  type ResolvedQuickLine,
  resolveChannel,
  resolveQuickLine,
} from './resolve-quick-line.js';
export { unescapeSlackText } from './slack-text.js';
export { type ReadStepInputs, readStepInputs, type StepInputs } from './step-inputs.js';
export { type FollowUpEmployee, type ValidationContext, type ValidationResult, validateDraft } from './validate.js';
