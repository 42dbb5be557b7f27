// The fake's modal views: views.open / push / update (a stale hash is a hash_conflict; typed input is kept when its
// block and action ids stay) and views.publish for Home tabs.
import {
  type AnswerContext,
  FAKE_SLACK_IDS,
  type FakeSlackAnswer,
  type FakeSlackArgs,
  type FakeSlackWorkspace,
  objectArg,
  stringArg,
  TS_BASE_SECONDS,
} from './fake-slack-workspace.js';

const nextHash = (workspace: FakeSlackWorkspace): string => {
  workspace.counters.hash += 1;
  return `${TS_BASE_SECONDS + workspace.counters.hash}.${workspace.counters.hash.toString(16).padStart(8, 'a')}`;
};

type StateValues = Record<string, Record<string, unknown>>;

/** Slack keeps what the user entered in every input whose block_id and action_id the new view still has. */
const keptState = (previous: FakeSlackAnswer | undefined, next: FakeSlackAnswer): StateValues => {
  const before = ((previous?.state as { values?: StateValues } | undefined)?.values ?? {}) as StateValues;
  const kept: StateValues = {};
  for (const block of Array.isArray(next.blocks) ? (next.blocks as FakeSlackAnswer[]) : []) {
    const blockId = typeof block.block_id === 'string' ? block.block_id : undefined;
    const actionId = (block.element as { action_id?: unknown } | undefined)?.action_id;
    const value = blockId && typeof actionId === 'string' ? before[blockId]?.[actionId] : undefined;
    if (blockId && typeof actionId === 'string' && value !== undefined) kept[blockId] = { [actionId]: value };
  }
  return kept;
};

/** Stores the view under a new or existing id with a fresh hash, and returns it as Slack echoes it back. */
const storeView = (
  workspace: FakeSlackWorkspace,
  view: FakeSlackAnswer,
  ids: { id: string; rootViewId: string; previousViewId: string | null },
): FakeSlackAnswer => {
  const hash = nextHash(workspace);
  const stored: FakeSlackAnswer = {
    id: ids.id,
    team_id: FAKE_SLACK_IDS.teamId,
    type: 'modal',
    private_metadata: '',
    callback_id: '',
    external_id: '',
    clear_on_close: false,
    notify_on_close: false,
    submit_disabled: false,
    ...view,
    state: { values: keptState(workspace.views.get(ids.id)?.view, view) },
    hash,
    root_view_id: ids.rootViewId,
    previous_view_id: ids.previousViewId,
    app_id: FAKE_SLACK_IDS.appId,
    app_installed_team_id: FAKE_SLACK_IDS.teamId,
    bot_id: FAKE_SLACK_IDS.botId,
  };
  const hashes = workspace.views.get(ids.id)?.hashes ?? new Set<string>();
  hashes.add(hash);
  workspace.views.set(ids.id, { view: stored, hashes });
  return stored;
};

export const openView = (args: FakeSlackArgs, { workspace }: AnswerContext): FakeSlackAnswer => {
  workspace.counters.view += 1;
  const id = `V0FAKE${String(workspace.counters.view).padStart(5, '0')}`;
  return {
    ok: true,
    view: storeView(workspace, objectArg(args, 'view'), { id, rootViewId: id, previousViewId: null }),
  };
};

export const updateView = (args: FakeSlackArgs, { workspace }: AnswerContext): FakeSlackAnswer => {
  const externalId = stringArg(args, 'external_id');
  const byExternal = [...workspace.views.values()].find((entry) => externalId && entry.view.external_id === externalId);
  const id = stringArg(args, 'view_id') ?? (byExternal?.view.id as string | undefined);
  if (!id) return { ok: false, error: 'not_found' };
  const known = workspace.views.get(id);
  const hash = stringArg(args, 'hash');
  // Only a hash this fake issued earlier counts as stale: tests may invent hashes for views they never opened.
  if (known && hash && known.hashes.has(hash) && known.view.hash !== hash) return { ok: false, error: 'hash_conflict' };
  const ids = {
    id,
    rootViewId: (known?.view.root_view_id as string | undefined) ?? id,
    previousViewId: (known?.view.previous_view_id as string | null | undefined) ?? null,
  };
  return { ok: true, view: storeView(workspace, objectArg(args, 'view'), ids) };
};

/** views.publish: the user's Home tab, one per user, replaced on every publish. */
export const publishView = (args: FakeSlackArgs, { workspace }: AnswerContext): FakeSlackAnswer => {
  const userId = stringArg(args, 'user_id');
  if (!userId) return { ok: false, error: 'invalid_arguments' };
  const view = objectArg(args, 'view');
  if (view.type !== 'home') return { ok: false, error: 'invalid_arguments' };
  if (Array.isArray(view.blocks) && view.blocks.length > 100) return { ok: false, error: 'invalid_arguments' };
  const stored = storeView(workspace, view, {
    id: `V0HOME${userId}`,
    rootViewId: `V0HOME${userId}`,
    previousViewId: null,
  });
  workspace.homes.set(userId, stored);
  return { ok: true, view: stored };
};
