// The delivery service with a working journal: logged, rejected, backed off while Caliq is down, given up, repeats.
import { describe, expect, it } from 'vitest';
import {
  connectJournal,
  createsFor,
  LEASE_MS,
  lines,
  newEntry,
  nowMs,
  RETRY_POLICY,
  setNow,
  setUpDeliveryTests,
  simulator,
  startWorld,
  T0,
} from '../../test/support/delivery-fixtures.js';
import { backoffDelay } from '../timing/backoff.js';

setUpDeliveryTests();

describe('normal deliveries', () => {
  it('logs an interaction, runs the after-logging step and tells the user', async () => {
    const { service, told, counted, loggedEntries } = startWorld();
    const accepted = await service.accept(newEntry());
    const { uniqueId } = accepted.stored;
    expect(await service.send(accepted)).toMatchObject({ status: 'sent', outcome: 'logged' });
    await service.stop();
    expect(createsFor(uniqueId)).toBe(1);
    expect(loggedEntries).toMatchObject([{ uniqueId, state: 'logged' }]);
    expect(told).toEqual([{ notice: 'logged', uniqueId, late: false }]);
    expect(counted).toEqual(['logged']);
    expect(lines.filter((line) => Number(line.level) >= 40)).toEqual([]);
  });

  it('records a rejection with Caliq’s issues and does not send it again', async () => {
    const { service, told } = startWorld();
    const accepted = await service.accept(newEntry('NOPE99'));
    const { uniqueId } = accepted.stored;
    expect(await service.send(accepted)).toMatchObject({ status: 'sent', outcome: 'rejected' });
    setNow(T0 + 10 * LEASE_MS);
    expect(await service.runOnce()).toBe(0);
    await service.stop();
    expect(createsFor(uniqueId)).toBe(1);
    expect((await connectJournal().get(uniqueId))?.issues).toHaveLength(1);
    expect(told).toEqual([{ notice: 'rejected', uniqueId }]);
  });

  it('backs off while Caliq is unavailable, says so once, and tells the user late when it is logged', async () => {
    const { service, told, counted } = startWorld();
    const accepted = await service.accept(newEntry());
    const { uniqueId } = accepted.stored;
    simulator.setFaults({ down: true });

    expect(await service.send(accepted)).toMatchObject({ status: 'sent', outcome: 'unavailable' });
    const firstDelay = backoffDelay(1, RETRY_POLICY);
    expect(await connectJournal().get(uniqueId)).toMatchObject({
      state: 'pending',
      nextAttemptAt: new Date(T0 + firstDelay),
      leaseUntil: undefined,
      delayNoticeAt: new Date(T0),
    });
    setNow(T0 + firstDelay - 1);
    expect(await service.runOnce()).toBe(0);

    setNow(T0 + firstDelay);
    expect(await service.runOnce()).toBe(1);
    expect((await connectJournal().get(uniqueId))?.nextAttemptAt).toEqual(
      new Date(nowMs + backoffDelay(2, RETRY_POLICY)),
    );

    simulator.setFaults({ down: false });
    setNow(nowMs + backoffDelay(2, RETRY_POLICY));
    expect(await service.runOnce()).toBe(1);
    await service.stop();
    expect(createsFor(uniqueId)).toBe(3);
    expect(told).toEqual([
      { notice: 'savedForLater', uniqueId },
      { notice: 'logged', uniqueId, late: true },
    ]);
    expect(counted).toEqual(['unavailable', 'unavailable', 'logged']);
  });

  it('gives up after the give-up time, marks the entry failed and tells the user once', async () => {
    const { service, told, counted } = startWorld({ giveUpAfterMs: 60_000 });
    const accepted = await service.accept(newEntry());
    const { uniqueId } = accepted.stored;
    simulator.setFaults({ down: true });
    await service.send(accepted);

    setNow(T0 + 60_000);
    expect(await service.runOnce()).toBe(1);
    setNow(T0 + 10 * 60_000);
    expect(await service.runOnce()).toBe(0);
    await service.stop();
    expect(createsFor(uniqueId)).toBe(2);
    expect(await connectJournal().get(uniqueId)).toMatchObject({
      state: 'failed',
      lastError: 'Caliq unavailable (service_unavailable); gave up after 2 attempts',
      giveUpNoticeAt: new Date(T0 + 60_000),
    });
    expect(told).toEqual([
      { notice: 'savedForLater', uniqueId },
      { notice: 'gaveUp', uniqueId },
    ]);
    expect(counted).toEqual(['unavailable', 'gave_up']);
  });

  it('answers a repeat submission of a logged entry without sending it again', async () => {
    const { service } = startWorld();
    const entry = newEntry();
    await service.send(await service.accept(entry));
    expect(await service.send(await service.accept(entry))).toMatchObject({ status: 'already_logged' });
    await service.stop();
    expect(createsFor(entry.uniqueId)).toBe(1);
  });
});
