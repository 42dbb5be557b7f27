// A quick log's card: reads the line's parts against Caliq's accounts and the form's checks, and builds the card.
import { formatWhenPhrase } from '../../dates/index.js';
import { BLOCK, type BlockId } from '../../ids.js';
import {
  type Draft,
  type QuickLine,
  type RememberedContact,
  resolveQuickLine,
  type ValidationResult,
  validateDraft,
} from '../../interactions/index.js';
import type { SlackMessage } from '../../slack-api/index.js';
import { buildQuickLogCard, buildQuickLogProblemCard, encodeQuickLogValue } from '../../views/index.js';
import type { ListenerDeps } from '../deps.js';
import {
  resolveSubmissionContext,
  unmappedSubmitterAnswer,
  validationContextFor,
} from '../log-modal/submission-context.js';

type ValidationErrors = Extract<ValidationResult, { ok: false }>['errors'];

export type CheckedDraft =
  | { ok: true; result: Extract<ValidationResult, { ok: true }>; userTimeZone: string; followUpTimeZone: string }
  | { ok: false; problems: string[]; errors: ValidationErrors }
  | { ok: false; unmapped: SlackMessage };

/** The form's checks on a draft from this person: the same words the form shows under its fields. */
export async function checkDraft(
  deps: ListenerDeps,
  request: { userId: string; uniqueId: string; draft: Draft },
): Promise<CheckedDraft> {
  const { userId, draft } = request;
  const context = await resolveSubmissionContext(deps, userId, draft.followUpBy);
  if (!context.contactedBy.ok) {
    return { ok: false, unmapped: unmappedSubmitterAnswer(deps, userId, context.contactedBy.reason) };
  }
  const contactedBy = context.contactedBy.employeeId;
  const result = validateDraft(
    { ...draft, channelId: draft.channelId ?? deps.prefs.peek(userId)?.lastChannelId },
    validationContextFor(deps, { uniqueId: request.uniqueId, contactedBy, context }),
  );
  if (!result.ok) {
    return {
      ok: false,
      problems: Object.values(result.errors).filter((text) => text !== undefined),
      errors: result.errors,
    };
  }
  const followUpTimeZone = context.followUp?.timeZone ?? context.userTimeZone;
  return { ok: true, result, userTimeZone: context.userTimeZone, followUpTimeZone };
}

/** How far back a first name alone is looked up among the person's own logged contacts. */
const REMEMBER_CONTACTS_DAYS = 180;

/** The contacts this person logged (their journal), so "with Jane" can become Jane Smith; none if it can't be read. */
async function rememberContacts(deps: ListenerDeps, userId: string): Promise<RememberedContact[]> {
  const since = new Date(deps.now().getTime() - REMEMBER_CONTACTS_DAYS * 86_400_000);
  try {
    const entries = await deps.journal.listForUser(userId, since, ['logged']);
    return entries.flatMap(({ interaction: { customer, contact } }) =>
      'accountNo' in customer && 'firstName' in contact ? [{ accountNo: customer.accountNo, ...contact }] : [],
    );
  } catch (error) {
    deps.logger.warn({ err: error, userId }, 'could not read remembered contacts; asking for the surname instead');
    return [];
  }
}

/**
 * The card for a line: its problems with Edit first, or every field as Caliq will get it. The draft in the buttons
 * holds the instants as understood now, so Log it sends what the card showed even if pressed after midnight.
 * Undefined when the draft is too long for a button value (the caller opens the form instead).
 */
export async function buildPreview(
  deps: ListenerDeps,
  request: { userId: string; conversationId: string | undefined; uniqueId: string; line: QuickLine },
): Promise<SlackMessage | undefined> {
  const { userId, uniqueId } = request;
  const linked = request.conversationId ? deps.links.get(request.conversationId)?.accountNo : undefined;
  const rememberedContacts = request.line.contact?.surname ? [] : await rememberContacts(deps, userId);
  const resolved = resolveQuickLine(request.line, {
    rememberedContacts,
    submitterId: userId,
    linkedAccountNo: linked,
    searchAccounts: (name) => deps.accounts.search(userId, name),
    channels: deps.reference.channels.current(),
    defaultChannelId: deps.prefs.peek(userId)?.lastChannelId ?? deps.config.caliq.defaultChannelId,
  });
  const createdAt = deps.now();
  const buttonValue = (draft: Draft) => encodeQuickLogValue({ uniqueId, createdAt, draft });
  const checked = await checkDraft(deps, { userId, uniqueId, draft: resolved.draft });
  if (!checked.ok && 'unmapped' in checked) return checked.unmapped;
  // The line's own words about the channel are clearer than the form's "Choose the Caliq channel".
  const omitted: BlockId[] = resolved.draft.channelId === undefined ? [BLOCK.channel] : [];
  const formProblems = checked.ok
    ? []
    : Object.entries(checked.errors).flatMap(([block, text]) =>
        omitted.includes(block as BlockId) || !text ? [] : [text],
      );
  const problems = [...resolved.problems, ...formProblems];
  if (!checked.ok || problems.length > 0) {
    const value = buttonValue(resolved.draft);
    return value === undefined ? undefined : buildQuickLogProblemCard({ problems, value });
  }
  const { result, userTimeZone, followUpTimeZone } = checked;
  const draft: Draft = { ...resolved.draft, channelId: result.interaction.channelId };
  if (result.interaction.onDateTime) draft.when = formatWhenPhrase(result.when, userTimeZone);
  if (result.followUpAt) draft.followUpWhen = formatWhenPhrase(result.followUpAt, followUpTimeZone);
  const value = buttonValue(draft);
  if (value === undefined) return undefined;
  const { interaction } = result;
  const accountNo = 'accountNo' in interaction.customer ? interaction.customer.accountNo : undefined;
  return buildQuickLogCard({
    interaction,
    accountName: accountNo ? deps.accounts.describe(accountNo)?.name : undefined,
    channels: deps.reference.channels.current(),
    timeZone: userTimeZone,
    followUp: draft.followUpBy ? { slackUserId: draft.followUpBy, timeZone: followUpTimeZone } : undefined,
    value,
  });
}
