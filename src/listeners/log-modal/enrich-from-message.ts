// After the form opened from a message: read its thread, its author (another organisation's = the contact) and its
// channel's sharing, then update the form once with the view's hash, so what the user typed is never overwritten.
import { WebAPIPlatformError, type WebClient } from '@slack/web-api';
import {
  buildThreadOffer,
  type ContactName,
  contactFromProfile,
  type Draft,
  type ModalMetadata,
  type ThreadOffer,
  transcriptBudget,
} from '../../interactions/index.js';
import {
  readConversationSharing,
  readSlackAuthor,
  readTeamName,
  readThread,
  type ThreadProblem,
  updateView,
} from '../../slack-api/index.js';
import { describeContactFromSlack, describeSharedChannel, describeThreadProblem } from '../../views/index.js';
import type { ListenerDeps } from '../deps.js';
import { logFormFor } from './log-form.js';
import { applyChannelLink, type OpenedView } from './open-log-modal.js';
import { rememberedContactsFor } from './remembered-contacts.js';

export type SourceMessage = {
  ts: string;
  text: string;
  /** The author's Slack user ID. */
  user?: string;
  /** The author's team as the payload gives it (`user_team` or `team`). */
  team?: string;
  threadTs?: string;
};

export type EnrichArgs = {
  client: WebClient;
  view: OpenedView;
  userId: string;
  timeZone: string;
  conversationId: string;
  conversationName: string | undefined;
  /** The workspace the bot is installed in: an author from any other team is a customer. */
  ownTeamId: string | undefined;
  botUserId: string | undefined;
  message: SourceMessage;
  /** The draft the form opened with; names in it (a pasted email's From:) are kept. */
  draft: Draft;
  notices: readonly string[];
  metadata: ModalMetadata;
  /** The thread's permalink (its parent's), when known. */
  threadPermalink: string | undefined;
  /** The draft gained something since the form opened (a permalink Slack gave): update even if nothing else is found. */
  draftChanged: boolean;
};

type Found = { thread?: ThreadOffer; problem?: ThreadProblem; contact?: ContactName; notices: string[] };

async function findThread(deps: ListenerDeps, args: EnrichArgs, found: Found): Promise<void> {
  const threadTs = args.message.threadTs;
  if (!threadTs) return;
  const read = await readThread(args.client, {
    conversationId: args.conversationId,
    threadTs,
    ...(args.botUserId ? { botUserId: args.botUserId } : {}),
  });
  if (!read.ok) {
    deps.logger.info({ conversationId: args.conversationId, detail: read.detail }, 'thread not readable');
    found.problem = read.problem;
    return;
  }
  const offer = buildThreadOffer(read.messages, {
    timeZone: args.timeZone,
    budget: transcriptBudget(deps.config.caliq.notesMaxLength),
    nameOf: read.nameOf,
    ...(args.threadPermalink ? { permalink: args.threadPermalink } : {}),
  });
  // A "thread" of one message (the parent alone, or only bots besides) adds nothing to the notes.
  if (offer.messageCount > 1) found.thread = offer;
}

async function findExternalAuthor(deps: ListenerDeps, args: EnrichArgs, found: Found): Promise<void> {
  const { user, team } = args.message;
  if (!user || !team || !args.ownTeamId || team === args.ownTeamId) return;
  if (args.draft.contactFirstName || args.draft.contactSurname) return;
  const author = await readSlackAuthor(args.client, user);
  const authorTeam = author.teamId ?? team;
  if (author.isBot || authorTeam === args.ownTeamId) return;
  const contact = contactFromProfile(author);
  if (!contact) return;
  const organisation = await readTeamName(args.client, authorTeam).catch((error: unknown) => {
    deps.logger.info({ err: error, teamId: authorTeam }, 'no name for the author’s organisation');
    return undefined;
  });
  found.contact = contact;
  found.notices.push(describeContactFromSlack(`${contact.firstName} ${contact.surname}`, organisation));
}

async function findSharing(deps: ListenerDeps, args: EnrichArgs, found: Found): Promise<void> {
  const sharing = await readConversationSharing(args.client, args.conversationId, args.ownTeamId);
  if (!sharing.isExtShared) return;
  const names = await Promise.all(
    sharing.otherTeamIds.map((teamId) => readTeamName(args.client, teamId).catch(() => undefined)),
  );
  const organisations = names.filter((name): name is string => Boolean(name));
  found.notices.push(describeSharedChannel(sharing.name ?? args.conversationName, organisations));
  deps.logger.debug({ conversationId: args.conversationId }, 'form opened in a Slack Connect channel');
}

/** Reads what it can (each part on its own: one failing leaves the others) and updates the form if anything changed. */
export async function enrichFromMessage(deps: ListenerDeps, args: EnrichArgs): Promise<void> {
  const log = deps.logger.child({ module: 'enrich-from-message' });
  const found: Found = { notices: [] };
  const parts = [findThread, findExternalAuthor, findSharing].map((find) =>
    find(deps, args, found).catch((error: unknown) => {
      log.warn({ err: error, conversationId: args.conversationId, part: find.name }, 'could not read around a message');
    }),
  );
  await Promise.all(parts);
  if (found.problem) found.notices.push(describeThreadProblem(found.problem, args.conversationName));
  const linked = applyChannelLink(deps, args.draft, args.conversationId);
  const remembered = await rememberedContactsFor(deps, {
    accountNo: linked.draft.accountNo,
    teamId: args.ownTeamId,
    timeZone: args.timeZone,
  }).catch((error: unknown) => {
    log.warn({ err: error, conversationId: args.conversationId }, 'could not read the remembered contacts');
    return [];
  });
  const changed =
    found.thread || found.contact || found.notices.length > 0 || remembered.length > 0 || args.draftChanged;
  if (!changed) return;

  const draft: Draft = {
    ...linked.draft,
    channelId: linked.draft.channelId ?? deps.prefs.peek(args.userId)?.lastChannelId,
    ...(found.contact ? { contactFirstName: found.contact.firstName, contactSurname: found.contact.surname } : {}),
    ...(found.thread ? { thread: found.thread } : {}),
    ...(remembered.length > 0 ? { rememberedContacts: remembered } : {}),
  };
  const view = logFormFor(deps, {
    draft,
    accountFromChannel: linked.accountFromChannel,
    metadata: args.metadata,
    submitterId: args.userId,
    notices: [...args.notices, ...found.notices],
  });
  try {
    await updateView(args.client, {
      view_id: args.view.id,
      ...(args.view.hash ? { hash: args.view.hash } : {}),
      view,
    });
  } catch (error) {
    if (!(error instanceof WebAPIPlatformError && error.data.error === 'hash_conflict')) throw error;
    // The form changed meanwhile (a date hint). Every input keeps its block_id and action_id, so Slack keeps what the
    // user typed; updating once more without the hash still offers the thread.
    log.info({ viewId: args.view.id }, 'form changed while the thread was read; updating it again');
    await updateView(args.client, { view_id: args.view.id, view });
  }
}
