// Slack channels linked to Caliq accounts in PostgreSQL: one account per channel, a new link replaces the old.
import { RecordNotFoundError } from '../errors.js';
import type { ChannelLink, ChannelLinkStore } from '../types.js';
import type { Sql } from './connection.js';

type ChannelLinkRow = {
  channel_id: string;
  team_id: string | null;
  account_no: string;
  channel_name: string | null;
  linked_by: string;
  linked_at: Date;
};

function toLink(row: ChannelLinkRow): ChannelLink {
  return {
    conversationId: row.channel_id,
    teamId: row.team_id ?? undefined,
    accountNo: row.account_no,
    channelName: row.channel_name ?? undefined,
    linkedBySlackUserId: row.linked_by,
    linkedAt: row.linked_at,
  };
}

export function createPostgresChannelLinkStore(sql: Sql): ChannelLinkStore {
  return {
    async link(link, now) {
      const row = await sql.one<ChannelLinkRow>(
        `INSERT INTO channel_links (channel_id, team_id, account_no, channel_name, linked_by, linked_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (channel_id) DO UPDATE SET team_id = excluded.team_id, account_no = excluded.account_no,
           channel_name = excluded.channel_name, linked_by = excluded.linked_by, linked_at = excluded.linked_at
         RETURNING *`,
        [
          link.conversationId,
          link.teamId ?? null,
          link.accountNo,
          link.channelName ?? null,
          link.linkedBySlackUserId,
          now,
        ],
      );
      if (!row) throw new RecordNotFoundError('channel_links', link.conversationId);
      return toLink(row);
    },
    async unlink(conversationId) {
      const row = await sql.one<ChannelLinkRow>('DELETE FROM channel_links WHERE channel_id = $1 RETURNING *', [
        conversationId,
      ]);
      return row ? toLink(row) : undefined;
    },
    async get(conversationId) {
      const row = await sql.one<ChannelLinkRow>('SELECT * FROM channel_links WHERE channel_id = $1', [conversationId]);
      return row ? toLink(row) : undefined;
    },
    async list() {
      const rows = await sql.rows<ChannelLinkRow>(
        `SELECT * FROM channel_links
         ORDER BY account_no COLLATE "C", channel_name COLLATE "C" NULLS LAST, channel_id COLLATE "C"`,
      );
      return rows.map(toLink);
    },
  };
}
