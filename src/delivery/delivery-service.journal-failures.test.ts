// The delivery service when the journal cannot write: Caliq's answer held under a renewed lease, or left to retry.
import { describe, expect, it, vi } from 'vitest';
import {
  connectJournal,
  createsFor,
  LEASE_MS,
  lines,
  linesAbout,
  newEntry,
  now,
  nowMs,
  setNow,
  setUpDeliveryTests,
  simulator,
  startWorld,
  T0,
} from '../../test/support/delivery-fixtures.js';
import { StoreError } from '../store/errors.js';
import type { JournalEntry } from '../store/types.js';
import { OutcomeNotRecordedError } from './keep-until-recorded.js';

setUpDeliveryTests();

describe('when the journal cannot record Caliq’s answer', () => {
  it('holds an OK until the journal takes it: one InteractionCreate, recorded once, lease kept, UniqueID logged', async () => {
    const { service, journal, told, counted } = startWorld();
    const other = connectJournal();
    const accepted = await service.accept(newEntry());
    const { uniqueId } = accepted.stored;
    journal.failNext('markLogged', 2);
    let leaseWhileHeld: Date | undefined;
    let claimedByOther: JournalEntry | undefined;
    const realMarkLogged = journal.markLogged;
    journal.markLogged = async (...args) => {
      // Between the failed writes: the entry still carries this attempt's lease, so nobody else may take it.
      if (journal.failures('markLogged') === 1) {
        leaseWhileHeld = (await other.get(uniqueId))?.leaseUntil;
        claimedByOther = await other.claim(uniqueId, now(), new Date(nowMs + LEASE_MS));
      }
      return realMarkLogged(...args);
    };

    const result = await service.send(accepted);
    await service.stop();

    expect(result).toMatchObject({ status: 'sent', outcome: 'logged', entry: { state: 'logged', attempts: 1 } });
    expect(createsFor(uniqueId)).toBe(1);
    expect(journal.failures('markLogged')).toBe(2);
    expect(leaseWhileHeld).toEqual(new Date(T0 + LEASE_MS));
    expect(claimedByOther).toBeUndefined();
    expect(await other.get(uniqueId)).toMatchObject({ state: 'logged', loggedAt: new Date(T0), leaseUntil: undefined });
    expect(linesAbout(uniqueId, /could not record Caliq’s answer/)).toHaveLength(2);
    expect(linesAbout(uniqueId, /recorded Caliq’s answer after retrying/)).toMatchObject([{ failures: 2 }]);
    expect(lines.filter((line) => line.level === 50)).toEqual([]);
    expect(told).toEqual([{ notice: 'logged', uniqueId, late: false }]);
    expect(counted).toEqual(['logged']);
  });

  it('holds a rejection (Caliq’s issues) the same way and tells the user once it is recorded', async () => {
    const { service, journal, told, counted } = startWorld();
    const accepted = await service.accept(newEntry('NOPE99'));
    const { uniqueId } = accepted.stored;
    journal.failNext('markRejected', 2);

    const result = await service.send(accepted);
    await service.stop();

    expect(result).toMatchObject({ status: 'sent', outcome: 'rejected' });
    expect(createsFor(uniqueId)).toBe(1);
    expect(journal.failures('markRejected')).toBe(2);
    expect(await connectJournal().get(uniqueId)).toMatchObject({
      state: 'rejected',
      issues: [{ id: 1, message: 'Customer not found', extraData: 'NOPE99' }],
      leaseUntil: undefined,
    });
    expect(linesAbout(uniqueId, /could not record Caliq’s answer/)).toMatchObject([
      { outcome: 'rejected', failures: 1 },
      { outcome: 'rejected', failures: 2 },
    ]);
    expect(told).toEqual([{ notice: 'rejected', uniqueId }]);
    expect(counted).toEqual(['rejected']);
  });

  it('renews the lease while it holds the answer, so a second instance does not send it again', async () => {
    const { service, journal, told } = startWorld();
    const second = startWorld();
    const accepted = await service.accept(newEntry());
    const { uniqueId } = accepted.stored;
    const realMarkLogged = journal.markLogged;
    let journalBack = false;
    journal.markLogged = async (...args) => {
      if (!journalBack) throw new StoreError('The database did not answer');
      return realMarkLogged(...args);
    };

    const sending = service.send(accepted);
    await vi.waitFor(() => expect(linesAbout(uniqueId, /could not record/).length).toBeGreaterThan(0));
    // Two thirds of the lease gone: the holder's next round moves the lease on.
    setNow(T0 + 20_000);
    await vi.waitFor(async () =>
      expect((await connectJournal().get(uniqueId))?.leaseUntil).toEqual(new Date(T0 + 20_000 + LEASE_MS)),
    );
    // Past the first lease: without the renewal the second instance would claim the entry and send it again.
    setNow(T0 + LEASE_MS + 1_000);
    expect(await second.service.runOnce()).toBe(0);
    expect(createsFor(uniqueId)).toBe(1);

    journalBack = true;
    expect(await sending).toMatchObject({ status: 'sent', outcome: 'logged', entry: { state: 'logged' } });
    await service.stop();
    await second.service.stop();
    expect(createsFor(uniqueId)).toBe(1);
    expect(linesAbout(uniqueId, /lease renewed/).length).toBeGreaterThan(0);
    expect(told).toEqual([{ notice: 'logged', uniqueId, late: false }]);
    expect(second.told).toEqual([]);
  });

  it('lets the answer go on shutdown with an error naming the UniqueID; the lease’s expiry sends it again', async () => {
    const { service, journal, told } = startWorld();
    const accepted = await service.accept(newEntry());
    const { uniqueId } = accepted.stored;
    const sending = service.send(accepted);
    journal.down();
    await vi.waitFor(() => expect(createsFor(uniqueId)).toBe(1));
    await vi.waitFor(() => expect(linesAbout(uniqueId, /could not record/).length).toBeGreaterThan(0));

    await service.stop();
    await expect(sending).rejects.toThrow(OutcomeNotRecordedError);
    expect(linesAbout(uniqueId, /before shutdown/)).toMatchObject([{ level: 50, outcome: 'logged' }]);
    expect(told).toEqual([]);
    expect(await connectJournal().get(uniqueId)).toMatchObject({ state: 'pending', attempts: 1 });

    // Another instance after the lease: Caliq already has the UniqueID and says so with OK, so it is logged once.
    const next = startWorld();
    setNow(T0 + LEASE_MS);
    expect(await next.service.runOnce()).toBe(1);
    await next.service.stop();
    expect(simulator.interactions.filter((stored) => stored.uniqueId === uniqueId)).toHaveLength(1);
    expect(await connectJournal().get(uniqueId)).toMatchObject({ state: 'logged', attempts: 2 });
    expect(next.told).toEqual([{ notice: 'logged', uniqueId, late: false }]);
  });

  it('journals a new entry already claimed for its first attempt, which then sends it without another claim', async () => {
    const { service, journal, told } = startWorld();
    const claims = vi.spyOn(journal, 'claim');
    const accepted = await service.accept(newEntry());
    const { uniqueId } = accepted.stored;
    expect(await connectJournal().get(uniqueId)).toMatchObject({ attempts: 1, leaseUntil: new Date(T0 + LEASE_MS) });
    // Claimed, so no other worker takes it meanwhile.
    expect(await connectJournal().claim(uniqueId, now(), new Date(nowMs + LEASE_MS))).toBeUndefined();

    expect(await service.send(accepted)).toMatchObject({ status: 'sent', outcome: 'logged', entry: { attempts: 1 } });
    await service.stop();
    expect(claims).not.toHaveBeenCalled();
    expect(createsFor(uniqueId)).toBe(1);
    expect(told).toEqual([{ notice: 'logged', uniqueId, late: false }]);
  });

  it('gives the claim back when no lane is free, and the worker sends the entry once', async () => {
    const { service, told } = startWorld({ capacity: { limit: () => 1, record: () => undefined } });
    simulator.setFaults({ latencyMs: 200 });
    const busy = await service.accept(newEntry());
    const waiting = await service.accept(newEntry());
    const busySent = service.send(busy);
    expect(await service.send(waiting)).toMatchObject({ status: 'queued' });
    expect(await connectJournal().get(waiting.stored.uniqueId)).toMatchObject({ attempts: 0, leaseUntil: undefined });
    await busySent;
    simulator.setFaults({});
    expect(await service.runOnce()).toBe(1);
    await service.stop();
    expect(createsFor(waiting.stored.uniqueId)).toBe(1);
    expect(told.map((notice) => notice.uniqueId).sort()).toEqual(
      [busy.stored.uniqueId, waiting.stored.uniqueId].sort(),
    );
  });

  it('when the claim cannot be given back, sends the entry once its lease has run out, and says so', async () => {
    const { service, journal } = startWorld({ capacity: { limit: () => 1, record: () => undefined } });
    simulator.setFaults({ latencyMs: 200 });
    const busy = await service.accept(newEntry());
    const waiting = await service.accept(newEntry());
    const { uniqueId } = waiting.stored;
    journal.failNext('release', 1);
    const busySent = service.send(busy);
    expect(await service.send(waiting)).toMatchObject({ status: 'queued' });
    expect(linesAbout(uniqueId, /could not give back a new entry/)).toHaveLength(1);
    await busySent;
    simulator.setFaults({});
    expect(await service.runOnce()).toBe(0);
    setNow(T0 + LEASE_MS);
    expect(await service.runOnce()).toBe(1);
    await service.stop();
    expect(createsFor(uniqueId)).toBe(1);
  });

  it('does not trust a claim from insert that has aged past half its lease: the worker claims the entry afresh', async () => {
    const { service } = startWorld();
    const accepted = await service.accept(newEntry());
    const { uniqueId } = accepted.stored;
    setNow(T0 + LEASE_MS / 2 + 1);
    expect(await service.send(accepted)).toMatchObject({ status: 'queued' });
    expect(createsFor(uniqueId)).toBe(0);
    setNow(T0 + LEASE_MS);
    expect(await service.runOnce()).toBe(1);
    await service.stop();
    expect(createsFor(uniqueId)).toBe(1);
    expect(await connectJournal().get(uniqueId)).toMatchObject({ state: 'logged', attempts: 2 });
  });

  it('leaves an entry Caliq did not take under its lease when the retry cannot be scheduled, then tries again', async () => {
    const { service, journal, told } = startWorld();
    const accepted = await service.accept(newEntry());
    const { uniqueId } = accepted.stored;
    simulator.failNext(1, '503');
    journal.failNext('markRetry', 1);

    expect(await service.send(accepted)).toMatchObject({ status: 'sent', outcome: 'unavailable' });
    expect(await connectJournal().get(uniqueId)).toMatchObject({
      state: 'pending',
      leaseUntil: new Date(T0 + LEASE_MS),
    });
    expect(linesAbout(uniqueId, /could not schedule the next attempt/)).toHaveLength(1);
    expect(await service.runOnce()).toBe(0);

    setNow(T0 + LEASE_MS);
    expect(await service.runOnce()).toBe(1);
    await service.stop();
    expect(createsFor(uniqueId)).toBe(2);
    expect(await connectJournal().get(uniqueId)).toMatchObject({ state: 'logged', attempts: 2 });
    expect(told).toEqual([{ notice: 'logged', uniqueId, late: false }]);
  });
});
