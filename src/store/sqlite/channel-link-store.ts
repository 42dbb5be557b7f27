// Slack channels linked to Caliq accounts in SQLite: one account per channel, a new link replaces the old.

import { RecordNotFoundError } from '../errors.js';
import type { ChannelLink, ChannelLinkStore } from '../types.js';
import { fromNullable, toMillis, toNullable } from './columns.js';
import type { Database } from './database.js';

type ChannelLinkRow = {
  channel_id: string;
  team_id: string | null;
  account_no: string;
  channel_name: string | null;
  linked_by: string;
  linked_at: number;
};

function toLink(row: ChannelLinkRow): ChannelLink {
  return {
    conversationId: row.channel_id,
    teamId: fromNullable(row.team_id),
    accountNo: row.account_no,
    channelName: fromNullable(row.channel_name),
    linkedBySlackUserId: row.linked_by,
    linkedAt: new Date(row.linked_at),
  };
}

/** The channel links on the given database; statements are prepared once here. */
export function createChannelLinkStore(db: Database): ChannelLinkStore {
  const upsertRow = db.prepare<Record<string, unknown>, ChannelLinkRow>(`
    INSERT INTO channel_links (channel_id, team_id, account_no, channel_name, linked_by, linked_at)
    VALUES (@conversationId, @teamId, @accountNo, @channelName, @linkedBy, @linkedAt)
    ON CONFLICT (channel_id) DO UPDATE SET team_id = excluded.team_id, account_no = excluded.account_no,
      channel_name = excluded.channel_name, linked_by = excluded.linked_by, linked_at = excluded.linked_at
    RETURNING *`);
  const deleteRow = db.prepare<[string], ChannelLinkRow>('DELETE FROM channel_links WHERE channel_id = ? RETURNING *');
  const selectOne = db.prepare<[string], ChannelLinkRow>('SELECT * FROM channel_links WHERE channel_id = ?');
  const selectAll = db.prepare<[], ChannelLinkRow>(
    'SELECT * FROM channel_links ORDER BY account_no, channel_name NULLS LAST, channel_id',
  );

  return {
    async link(link, now) {
      const row = upsertRow.get({
        conversationId: link.conversationId,
        teamId: toNullable(link.teamId),
        accountNo: link.accountNo,
        channelName: toNullable(link.channelName),
        linkedBy: link.linkedBySlackUserId,
        linkedAt: toMillis(now),
      });
      if (!row) throw new RecordNotFoundError('channel_links', link.conversationId);
      return toLink(row);
    },
    async unlink(conversationId) {
      const row = deleteRow.get(conversationId);
      return row ? toLink(row) : undefined;
    },
    async get(conversationId) {
      const row = selectOne.get(conversationId);
      return row ? toLink(row) : undefined;
    },
    async list() {
      return selectAll.all().map(toLink);
    },
  };
}
