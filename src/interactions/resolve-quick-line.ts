// Turns a quick log's parts into a draft for the form's checks, and says in words what is missing or ambiguous.
import type { CaliqChannel } from '../caliq/index.js';
import type { Draft } from './draft.js';
import type { QuickLine } from './quick-log.js';

export type AccountCandidate = { accountNo: string; name?: string | undefined };

/** Someone this person logged before at an account: the bot's memory of contacts is its journal. */
export type RememberedContact = { accountNo: string; firstName: string; surname: string };

export type QuickLineContext = {
  /** Who typed the line; "me" and a follow-up without a person mean them. */
  submitterId: string;
  /** The account the Slack channel is linked to, used when the line names none. */
  linkedAccountNo?: string | undefined;
  /** Customers whose name matches, best first; undefined while Caliq's customer list has not loaded. */
  searchAccounts(name: string): readonly AccountCandidate[] | undefined;
  /** Caliq's channels; undefined when not loaded (then a named channel can't be read). */
  channels: readonly CaliqChannel[] | undefined;
  /** The person's last channel, else the configured default; used when the line names none. */
  defaultChannelId: number | undefined;
  /** Contacts this person logged before; a first name alone is completed from them when only one fits. */
  rememberedContacts?: readonly RememberedContact[];
};

export type ResolvedQuickLine = { draft: Draft; problems: string[] };

const normalize = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

function describeCandidate(candidate: AccountCandidate): string {
  return candidate.name ? `${candidate.accountNo} (${candidate.name})` : candidate.accountNo;
}

/** The one customer a name means: the only match, or the only one whose whole name it is. */
function resolveAccountName(name: string, ctx: QuickLineContext): { accountNo?: string; problem?: string } {
  const found = ctx.searchAccounts(name);
  if (found === undefined) {
    return {
      problem: `I can't look up “${name}” now (Caliq's customer list hasn't loaded); write its account number.`,
    };
  }
  if (found.length === 0) return { problem: `No customer in Caliq matches “${name}”.` };
  const whole = found.filter((candidate) => candidate.name && normalize(candidate.name) === normalize(name));
  const chosen = found.length === 1 ? found[0] : whole.length === 1 ? whole[0] : undefined;
  if (chosen) return { accountNo: chosen.accountNo };
  const listed = found.slice(0, 3).map(describeCandidate).join(', ');
  const more = found.length > 3 ? ` and ${found.length - 3} more` : '';
  return { problem: `“${name}” matches more than one account (${listed}${more}); write the account number instead.` };
}

/** A Caliq channel by (the start of) its description, else the default; a problem in words when neither. */
export function resolveChannel(
  name: string | undefined,
  ctx: Pick<QuickLineContext, 'channels' | 'defaultChannelId'>,
): { channelId?: number; problem?: string } {
  const names = ctx.channels?.map((channel) => channel.description).join(', ');
  if (name === undefined) {
    if (ctx.defaultChannelId !== undefined) return { channelId: ctx.defaultChannelId };
    return { problem: `Say which Caliq channel it came through: \`via Sales Rep\`${names ? ` (${names})` : ''}.` };
  }
  const wanted = normalize(name);
  const found = ctx.channels?.filter((channel) => normalize(channel.description).startsWith(wanted)) ?? [];
  const exact = found.filter((channel) => normalize(channel.description) === wanted);
  const chosen = found.length === 1 ? found[0] : exact.length === 1 ? exact[0] : undefined;
  if (chosen) return { channelId: chosen.id };
  return { problem: `No single Caliq channel is called “${name}”${names ? ` (there are ${names})` : ''}.` };
}

/** The surname of the one contact with this first name logged at this account before; otherwise a problem. */
function rememberedSurname(
  firstName: string,
  accountNo: string | undefined,
  ctx: QuickLineContext,
  problems: string[],
): string | undefined {
  const wanted = normalize(firstName);
  const known = new Map<string, string>();
  for (const contact of ctx.rememberedContacts ?? []) {
    if (contact.accountNo !== accountNo || normalize(contact.firstName) !== wanted) continue;
    // Newest first (as the journal lists them): the spelling used last wins.
    if (!known.has(normalize(contact.surname))) known.set(normalize(contact.surname), contact.surname);
  }
  const surnames = [...known.values()];
  if (surnames.length === 1) return surnames[0];
  if (surnames.length > 1) {
    const listed = surnames.map((surname) => `${firstName} ${surname}`).join(' or ');
    problems.push(`“${firstName}” could be ${listed}; give the surname.`);
  } else problems.push(`Give ${firstName}'s surname too: \`with ${firstName} Smith\`.`);
  return undefined;
}

export function resolveQuickLine(line: QuickLine, ctx: QuickLineContext): ResolvedQuickLine {
  const draft: Draft = {};
  const problems: string[] = [];
  if (line.kind) draft.kind = line.kind;
  else problems.push('Say whether it was a call, an email or a visit.');

  if (line.account && 'accountNo' in line.account) draft.accountNo = line.account.accountNo;
  else if (line.account) {
    const resolved = resolveAccountName(line.account.name, ctx);
    if (resolved.accountNo) draft.accountNo = resolved.accountNo;
    if (resolved.problem) problems.push(resolved.problem);
  } else if (ctx.linkedAccountNo) draft.accountNo = ctx.linkedAccountNo;
  else problems.push('Name the account: its number (ACME01) or `account Acme Engineering,`.');

  if (!line.contact) problems.push('Name the person you spoke to: `with Jane Smith`.');
  else {
    draft.contactFirstName = line.contact.firstName;
    const surname = line.contact.surname ?? rememberedSurname(line.contact.firstName, draft.accountNo, ctx, problems);
    if (surname) draft.contactSurname = surname;
  }

  const channel = resolveChannel(line.channel, ctx);
  if (channel.channelId !== undefined) draft.channelId = channel.channelId;
  if (channel.problem) problems.push(channel.problem);

  if (line.when) draft.when = line.when;
  if (line.notes) draft.notes = line.notes;

  if (line.followUp) {
    const { when, person } = line.followUp;
    if (when) draft.followUpWhen = when;
    else problems.push('Say when to follow up: `follow up Friday 10am`.');
    if ('slackUserId' in person) draft.followUpBy = person.slackUserId;
    else if ('me' in person) draft.followUpBy = ctx.submitterId;
    else {
      problems.push(
        `Mention who follows up with @ (\`follow up Friday with @${person.name}\`), so I know who “${person.name}” is in Slack.`,
      );
    }
  }
  return { draft, problems };
}
