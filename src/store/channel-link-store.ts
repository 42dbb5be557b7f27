// Slack channels linked to Caliq accounts, in SQLite: one account per channel, who linked it and when.
import { fromNullable, toMillis, toNullable } from './columns.js';
import type { Database } from './database.js';
import { StoreError } from './errors.js';
import type { ChannelLink, ChannelLinkStore } from './types.js';

type ChannelLinkRow = {
  channel_id: string;
  team_id: string | null;
  account_no: string;
  channel_name: string | null;
  linked_by: string;
  linked_at: number;
};

const COLUMNS = 'channel_id, team_id, account_no, channel_name, linked_by, linked_at';

function toLink(row: ChannelLinkRow): ChannelLink {
  return {
    channelId: row.channel_id,
    teamId: fromNullable(row.team_id),
    accountNo: row.account_no,
    channelName: fromNullable(row.channel_name),
    linkedBySlackUserId: row.linked_by,
    linkedAt: new Date(row.linked_at),
  };
}

/** The channel links on the given database; statements are prepared once here. */
export function createChannelLinkStore(db: Database): ChannelLinkStore {
  const selectOne = db.prepare<[string], ChannelLinkRow>(`SELECT ${COLUMNS} FROM channel_links WHERE channel_id = ?`);
  const selectAll = db.prepare<[], ChannelLinkRow>(
    `SELECT ${COLUMNS} FROM channel_links ORDER BY account_no, channel_name, channel_id`,
  );
  const upsert = db.prepare<[string, string | null, string, string | null, string, number], ChannelLinkRow>(`
    INSERT INTO channel_links (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (channel_id) DO UPDATE SET
      team_id = excluded.team_id, account_no = excluded.account_no, channel_name = excluded.channel_name,
      linked_by = excluded.linked_by, linked_at = excluded.linked_at
    RETURNING ${COLUMNS}`);
  const remove = db.prepare<[string], ChannelLinkRow>(
    `DELETE FROM channel_links WHERE channel_id = ? RETURNING ${COLUMNS}`,
  );

  return {
    async link(link, now) {
      const row = upsert.get(
        link.channelId,
        toNullable(link.teamId),
        link.accountNo,
        toNullable(link.channelName),
        link.linkedBySlackUserId,
        toMillis(now),
      );
      if (!row) throw new StoreError(`channel link for ${link.channelId} was not written`);
      return toLink(row);
    },
    async unlink(channelId) {
      const row = remove.get(channelId);
      return row ? toLink(row) : undefined;
    },
    async get(channelId) {
      const row = selectOne.get(channelId);
      return row ? toLink(row) : undefined;
    },
    async list() {
      return selectAll.all().map(toLink);
    },
  };
}
