// The contract of the small stores: per-user prefs (each field alone, overwrites) and channel links (one per channel).
import { beforeEach, describe, expect, it } from 'vitest';
import type { ContractBackend, ContractStores } from './backend.js';

const T0 = new Date('2026-03-02T10:00:00.000Z');

export function prefsAndLinksContract(backend: ContractBackend): void {
  let stores: ContractStores;
  beforeEach(async () => {
    stores = await backend.connect();
  });

  describe('user prefs', () => {
    it('knows nothing of a new user', async () => {
      expect(await stores.prefs.get('U1')).toEqual({ timeZone: undefined, lastChannelId: undefined });
    });

    it('keeps the time zone and the last channel independently, overwriting each', async () => {
      const { prefs } = stores;
      await prefs.setTimeZone('U1', 'America/New_York');
      expect(await prefs.get('U1')).toEqual({ timeZone: 'America/New_York', lastChannelId: undefined });
      await prefs.setLastChannel('U1', 4);
      await prefs.setTimeZone('U1', 'Europe/London');
      expect(await prefs.get('U1')).toEqual({ timeZone: 'Europe/London', lastChannelId: 4 });
      await prefs.setLastChannel('U1', 7);
      expect(await prefs.get('U1')).toEqual({ timeZone: 'Europe/London', lastChannelId: 7 });
      await prefs.setLastChannel('U2', 1);
      expect(await prefs.get('U2')).toEqual({ timeZone: undefined, lastChannelId: 1 });
      expect(await (await backend.connect()).prefs.get('U1')).toEqual({ timeZone: 'Europe/London', lastChannelId: 7 });
    });
  });

  describe('channel links', () => {
    const link = (conversationId: string, accountNo: string, channelName?: string) => ({
      conversationId,
      teamId: 'T1',
      accountNo,
      channelName,
      linkedBySlackUserId: 'U1',
    });

    it('links a channel and reads it back with when it was linked', async () => {
      const linked = await stores.channelLinks.link(link('C1', 'ACME01', 'acme-team'), T0);
      expect(linked).toEqual({ ...link('C1', 'ACME01', 'acme-team'), linkedAt: T0 });
      expect(await stores.channelLinks.get('C1')).toEqual(linked);
      expect(await stores.channelLinks.get('C2')).toBeUndefined();
      const noTeam = await stores.channelLinks.link({ ...link('C2', 'ZED01'), teamId: undefined }, T0);
      expect(noTeam).toMatchObject({ teamId: undefined, channelName: undefined });
    });

    it('replaces an earlier link: one account per channel', async () => {
      await stores.channelLinks.link(link('C1', 'ACME01', 'acme-team'), T0);
      const later = new Date(T0.getTime() + 60_000);
      const relinked = await stores.channelLinks.link(
        { ...link('C1', 'BETA02', 'beta'), linkedBySlackUserId: 'U2' },
        later,
      );
      expect(relinked).toMatchObject({
        accountNo: 'BETA02',
        channelName: 'beta',
        linkedBySlackUserId: 'U2',
        linkedAt: later,
      });
      expect(await (await backend.connect()).channelLinks.list()).toEqual([relinked]);
    });

    it('unlinks, returning the removed link once', async () => {
      const linked = await stores.channelLinks.link(link('C1', 'ACME01', 'acme-team'), T0);
      expect(await stores.channelLinks.unlink('C1')).toEqual(linked);
      expect(await stores.channelLinks.unlink('C1')).toBeUndefined();
      expect(await stores.channelLinks.get('C1')).toBeUndefined();
    });

    it('lists every link by account number, then channel name', async () => {
      await stores.channelLinks.link(link('C3', 'BETA02', 'beta-b'), T0);
      await stores.channelLinks.link(link('C1', 'BETA02', 'beta-a'), T0);
      await stores.channelLinks.link(link('C2', 'ACME01', 'zed'), T0);
      await stores.channelLinks.link(link('C4', 'BETA02'), T0);
      expect((await stores.channelLinks.list()).map((l) => l.conversationId)).toEqual(['C2', 'C1', 'C3', 'C4']);
    });
  });
}
