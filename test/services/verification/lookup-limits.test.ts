import { describe, expect, it } from 'vitest';
import {
  Coalescer,
  ConcurrencyLimit,
  Cooldown,
  QueueFullError,
  RateLimitMemory,
} from '../../../src/services/verification/lookup-limits.js';
import { ManualClock } from '../../support/manual-clock.js';

describe('Cooldown', () => {
  it('counts down whole seconds per learner', () => {
    const clock = new ManualClock();
    const cooldown = new Cooldown(clock, 30);
    expect(cooldown.secondsLeft('a')).toBe(0);
    cooldown.start('a');
    expect(cooldown.secondsLeft('a')).toBe(30);
    expect(cooldown.secondsLeft('b')).toBe(0);
    clock.advanceSeconds(29.5);
    expect(cooldown.secondsLeft('a')).toBe(1);
    clock.advanceSeconds(0.5);
    expect(cooldown.secondsLeft('a')).toBe(0);
  });

  it('a cooldown of 0 never blocks', () => {
    const cooldown = new Cooldown(new ManualClock(), 0);
    cooldown.start('a');
    expect(cooldown.secondsLeft('a')).toBe(0);
  });
});

describe('Coalescer', () => {
  it('gives identical concurrent tasks one run, and runs again once settled', async () => {
    const coalescer = new Coalescer<number>();
    let runs = 0;
    let release: (value: number) => void = () => {};
    const task = () => {
      runs += 1;
      return new Promise<number>((resolve) => {
        release = resolve;
      });
    };
    const first = coalescer.run('k', task);
    const second = coalescer.run('k', task);
    expect(coalescer.has('k')).toBe(true);
    release(7);
    expect(await Promise.all([first, second])).toEqual([7, 7]);
    expect(runs).toBe(1);
    expect(coalescer.has('k')).toBe(false);
    const third = coalescer.run('k', async () => 8);
    expect(await third).toBe(8);
  });

  it('forgets a failed task so the next call tries again', async () => {
    const coalescer = new Coalescer<number>();
    await expect(coalescer.run('k', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await coalescer.run('k', async () => 1)).toBe(1);
  });
});

describe('ConcurrencyLimit', () => {
  it('never runs more than max at once and runs the rest in order', async () => {
    const limit = new ConcurrencyLimit(2);
    const started: number[] = [];
    const releases: (() => void)[] = [];
    const tasks = [0, 1, 2, 3].map((n) =>
      limit.run(
        () =>
          new Promise<number>((resolve) => {
            started.push(n);
            releases[n] = () => resolve(n);
          }),
      ),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(limit.queued).toBe(2);
    releases[0]?.();
    await tasks[0];
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1, 2]);
    expect(limit.running).toBe(2);
    releases[1]?.();
    releases[2]?.();
    await Promise.all([tasks[1], tasks[2]]);
    await new Promise((resolve) => setImmediate(resolve));
    releases[3]?.();
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3]);
    expect(limit.running).toBe(0);
  });
});

describe('ConcurrencyLimit with a bounded queue', () => {
  /** A task that ends when released, whether or not it has started yet. */
  const hold = () => {
    let release: (value: string) => void = () => undefined;
    const done = new Promise<string>((resolve) => {
      release = resolve;
    });
    return { task: () => done, release: () => release('done') };
  };

  it('refuses at once past the queue bound, with a wait estimated from the recent pace', async () => {
    let now = 0;
    const limit = new ConcurrencyLimit(2, 2, () => now);
    const held = [hold(), hold(), hold(), hold()];
    const running = held.map((h) => limit.run(h.task));
    expect(limit.running).toBe(2);
    expect(limit.queued).toBe(2);
    // Nothing measured yet: a lookup is guessed at 2 s; two rounds are ahead of a fifth learner.
    const refused = limit.run(async () => 'never');
    await expect(refused).rejects.toBeInstanceOf(QueueFullError);
    await expect(refused).rejects.toMatchObject({ waitSeconds: 4 });
    now = 10_000;
    held[0]?.release();
    await running[0];
    // One 10 s task moves the average from 2 s to 3.6 s; one round is ahead now.
    expect(limit.estimatedWaitSeconds()).toBe(4);
    for (const h of held.slice(1)) h.release();
    expect(await Promise.all(running)).toEqual(['done', 'done', 'done', 'done']);
    expect(limit.running).toBe(0);
  });

  it('a waiter whose signal fires leaves the queue with the signal’s reason and keeps no slot', async () => {
    const limit = new ConcurrencyLimit(1, 4);
    const first = hold();
    const running = limit.run(first.task);
    const leave = new AbortController();
    const waiting = limit.run(async () => 'never', leave.signal);
    expect(limit.queued).toBe(1);
    leave.abort(new Error('deadline'));
    await expect(waiting).rejects.toThrow('deadline');
    expect(limit.queued).toBe(0);
    first.release();
    await running;
    expect(limit.running).toBe(0);
    expect(await limit.run(async () => 'next')).toBe('next');
  });
});

describe('RateLimitMemory', () => {
  it('blocks until Retry-After has passed and keeps the later of two blocks', () => {
    const clock = new ManualClock();
    const memory = new RateLimitMemory(clock);
    expect(memory.secondsLeft()).toBe(0);
    memory.block(60);
    memory.block(10);
    expect(memory.secondsLeft()).toBe(60);
    clock.advanceSeconds(59);
    expect(memory.secondsLeft()).toBe(1);
    clock.advanceSeconds(1);
    expect(memory.secondsLeft()).toBe(0);
  });
});
