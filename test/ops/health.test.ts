import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkHealth, type HealthProbe } from '../../src/ops/health.js';
import { type HealthServer, startHealthServer } from '../../src/ops/health-server.js';
import { BotMetrics } from '../../src/ops/metrics.js';
import { courseProbe, databaseProbe, dockerHubProbe, gatewayProbe } from '../../src/ops/probes.js';
import type { VerifyResult } from '../../src/services/verification/verification-service.js';
import { openStore, type Store } from '../../src/store/index.js';
import { parsePrometheusText, samplesOf, sampleValue } from '../support/prometheus.js';

let dir: string;
let store: Store;
let databasePath: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dsb-health-'));
  databasePath = path.join(dir, 'bot.sqlite');
  store = openStore(databasePath);
});

afterEach(() => {
  if (store.db.open) store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('health probes', () => {
  it('the database probe takes the write lock, and reports it held by another writer or closed', () => {
    const probe = databaseProbe(store.db, databasePath);
    expect(probe.check()).toEqual({ ok: true, detail: 'writable' });

    const other = new BetterSqlite3(databasePath);
    other.exec('BEGIN IMMEDIATE');
    expect(probe.check()).toEqual({ ok: false, detail: 'cannot take the write lock: SQLITE_BUSY' });
    other.exec('ROLLBACK');
    other.close();
    // The probe leaves the connection's own busy timeout as it was.
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000);

    store.close();
    expect(probe.check()).toEqual({ ok: false, detail: 'the database is closed' });
  });

  it('course and gateway probes say what they see', () => {
    expect(courseProbe({ list: () => [] }).check()).toEqual({ ok: false, detail: 'no lessons loaded' });
    expect(courseProbe({ list: () => [1, 2] }).check()).toEqual({ ok: true, detail: '2 lessons' });
    // Docker Hub down is shown to the operator but is not the bot's failure: a restart would not help.
    const hub = (breaker: 'closed' | 'open', retryAfterSeconds: number) =>
      dockerHubProbe({ hubStatus: () => ({ breaker, retryAfterSeconds, running: 1, queued: 2 }) }).check();
    expect(hub('open', 25)).toEqual({
      ok: true,
      detail: 'breaker open, next try in 25 s; lookups 1 running, 2 queued',
    });
    expect(hub('closed', 0)).toEqual({ ok: true, detail: 'breaker closed; lookups 1 running, 2 queued' });
    expect(gatewayProbe({ connected: false, describe: () => 'connecting (attempt 2)' }).check()).toEqual({
      ok: false,
      detail: 'connecting (attempt 2)',
    });
  });

  it('the report is failing when any part is, naming each failing part; a throwing probe fails too', () => {
    const ok = (name: string): HealthProbe => ({ name, check: () => ({ ok: true, detail: 'fine' }) });
    const broken: HealthProbe = {
      name: 'database',
      check: () => {
        throw new Error('disk on fire');
      },
    };
    expect(checkHealth([ok('gateway'), ok('course')])).toMatchObject({ status: 'ok', failing: [] });
    expect(checkHealth([ok('gateway'), broken, courseProbe({ list: () => [] })])).toEqual({
      status: 'failing',
      failing: ['database', 'course'],
      checks: {
        gateway: { ok: true, detail: 'fine' },
        database: { ok: false, detail: 'disk on fire' },
        course: { ok: false, detail: 'no lessons loaded' },
      },
    });
  });
});

describe('the health server', () => {
  let server: HealthServer;
  let gatewayUp = true;
  const metrics = new BotMetrics();

  beforeEach(async () => {
    gatewayUp = true;
    server = await startHealthServer({
      host: '127.0.0.1',
      port: 0,
      health: () =>
        checkHealth([
          gatewayProbe({ connected: gatewayUp, describe: () => (gatewayUp ? 'connected' : 'reconnecting') }),
          courseProbe({ list: () => [1] }),
        ]),
      metrics: async () => ({ contentType: metrics.contentType, body: await metrics.render() }),
    });
  });

  afterEach(async () => {
    await server.close();
  });

  const url = (route: string) => `http://127.0.0.1:${server.port}${route}`;

  it('answers /healthz 200 when healthy and 503 naming the failing part', async () => {
    const healthy = await fetch(url('/healthz'));
    expect(healthy.status).toBe(200);
    expect(healthy.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await healthy.json()).toEqual({
      status: 'ok',
      failing: [],
      checks: { gateway: { ok: true, detail: 'connected' }, course: { ok: true, detail: '1 lessons' } },
    });

    gatewayUp = false;
    const failing = await fetch(url('/healthz'));
    expect(failing.status).toBe(503);
    expect(await failing.json()).toMatchObject({ status: 'failing', failing: ['gateway'] });
  });

  it('serves Prometheus text at /metrics, and nothing else', async () => {
    const scraped = await fetch(url('/metrics'));
    expect(scraped.status).toBe(200);
    expect(scraped.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    expect(parsePrometheusText(await scraped.text()).has('process_resident_memory_bytes')).toBe(true);

    expect((await fetch(url('/'))).status).toBe(404);
    expect((await fetch(url('/healthz/../admin'))).status).toBe(404);
    const posted = await fetch(url('/healthz'), { method: 'POST', body: 'x'.repeat(100_000) });
    expect(posted.status).toBe(405);
    expect(posted.headers.get('allow')).toBe('GET, HEAD');
    const head = await fetch(url('/healthz'), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('the bot metrics', () => {
  const found = (remaining: number): VerifyResult => ({
    kind: 'looked-up',
    dockerId: 'someone',
    verified: null,
    report: {
      outcome: 'found',
      passed: true,
      image: null,
      digest: null,
      mediaType: null,
      platform: null,
      details: { rateLimit: { limit: 100, remaining, windowSeconds: 21_600 } },
      enrichment: null,
      requests: [],
      checkedAt: '2026-11-29T00:00:00.000Z',
    },
  });

  it('counts interactions, first responses and /verify outcomes with only the bot’s own names', async () => {
    const metrics = new BotMetrics();
    metrics.readFrom({
      gatewayConnected: () => true,
      gatewayPingMs: () => 42,
      databaseBytes: () => ({ database: 4096, wal: 1024 }),
      lessons: () => 1,
      dockerHub: () => ({ breaker: 'open', retryAfterSeconds: 12, running: 3, queued: 5 }),
    });
    metrics.interactionHandled({ type: 'command', name: 'lesson', outcome: 'ok', latencyMs: 12 });
    metrics.interactionHandled({ type: 'command', name: 'lesson', outcome: 'ok', latencyMs: 8 });
    metrics.interactionHandled({ type: 'button', name: 'page', outcome: 'refused', latencyMs: 3 });
    metrics.firstResponded('command', 0.04);
    metrics.firstResponded('command', 1.2);
    metrics.verified(found(80));
    metrics.verified(found(79));
    metrics.verified({ kind: 'needs-docker-id' });
    metrics.digestHandled('sent');
    metrics.digestHandled('failed');
    metrics.digestHandled('sent');
    metrics.reminderHandled('dm-closed');

    const families = parsePrometheusText(await metrics.render());
    const value = (name: string, labels: Record<string, string> = {}) => sampleValue(families, name, labels);
    expect(value('dsb_interactions_total', { type: 'command', command: 'lesson', outcome: 'ok' })).toBe(2);
    expect(value('dsb_interactions_total', { type: 'button', command: 'page', outcome: 'refused' })).toBe(1);
    expect(value('dsb_interaction_first_response_seconds_count', { type: 'command' })).toBe(2);
    expect(value('dsb_interaction_first_response_seconds_bucket', { type: 'command', le: '0.05' })).toBe(1);
    expect(value('dsb_interaction_first_response_seconds_bucket', { type: 'command', le: '1.5' })).toBe(2);
    expect(value('dsb_interaction_first_response_seconds_bucket', { type: 'command', le: '+Inf' })).toBe(2);
    expect(value('dsb_verify_total', { outcome: 'found' })).toBe(2);
    expect(value('dsb_verify_total', { outcome: 'needs-docker-id' })).toBe(1);
    expect(value('dsb_digests_total', { outcome: 'sent' })).toBe(2);
    expect(value('dsb_digests_total', { outcome: 'failed' })).toBe(1);
    expect(value('dsb_reminders_total', { outcome: 'dm-closed' })).toBe(1);
    expect(value('dsb_dockerhub_pull_limit_remaining')).toBe(79);
    expect(value('dsb_dockerhub_pull_limit')).toBe(100);
    expect(value('dsb_gateway_connected')).toBe(1);
    expect(value('dsb_gateway_ping_seconds')).toBe(0.042);
    expect(value('dsb_database_bytes', { file: 'database' })).toBe(4096);
    expect(value('dsb_database_bytes', { file: 'wal' })).toBe(1024);
    expect(value('dsb_course_lessons')).toBe(1);
    expect(value('dsb_dockerhub_breaker_state')).toBe(2);
    expect(value('dsb_verify_lookups', { state: 'running' })).toBe(3);
    expect(value('dsb_verify_lookups', { state: 'queued' })).toBe(5);
    expect(families.get('dsb_interaction_first_response_seconds')?.type).toBe('histogram');
    expect(samplesOf(families, 'nodejs_heap_size_used_bytes')).toHaveLength(1);
  });

  it('shows an unknown ping as NaN, not as a perfect 0', async () => {
    const metrics = new BotMetrics();
    metrics.readFrom({
      gatewayConnected: () => false,
      gatewayPingMs: () => null,
      databaseBytes: () => ({ database: 0, wal: 0 }),
      lessons: () => 0,
      dockerHub: () => ({ breaker: 'closed', retryAfterSeconds: 0, running: 0, queued: 0 }),
    });
    const families = parsePrometheusText(await metrics.render());
    expect(sampleValue(families, 'dsb_gateway_ping_seconds')).toBeNaN();
    expect(sampleValue(families, 'dsb_gateway_connected')).toBe(0);
  });
});

describe('the Prometheus text parser used by these tests', () => {
  it('reads labels with escapes, special values and timestamps', () => {
    const families = parsePrometheusText(
      [
        '# HELP x_total A counter.',
        '# TYPE x_total counter',
        'x_total{path="/a\\"b\\\\c",note="line\\nbreak"} 3 1700000000000',
        '# TYPE y gauge',
        'y NaN',
        '# TYPE h histogram',
        'h_bucket{le="+Inf"} 2',
        'h_sum 1.5e-3',
        'h_count 2',
        '',
      ].join('\n'),
    );
    expect(families.get('x_total')).toEqual({
      name: 'x_total',
      type: 'counter',
      help: 'A counter.',
      samples: [{ name: 'x_total', labels: { path: '/a"b\\c', note: 'line\nbreak' }, value: 3 }],
    });
    expect(sampleValue(families, 'y')).toBeNaN();
    expect(sampleValue(families, 'h_bucket', { le: '+Inf' })).toBe(2);
    expect(sampleValue(families, 'h_sum')).toBe(0.0015);
  });

  it.each([
    ['a sample before any TYPE', 'x 1'],
    ['a sample of another family', '# TYPE x gauge\ny 1'],
    ['a series twice', '# TYPE x gauge\nx{a="1"} 1\nx{a="1"} 2'],
    ['a value that is not a number', '# TYPE x gauge\nx one'],
    ['an unterminated label', '# TYPE x gauge\nx{a="1} 1'],
    ['trailing text', '# TYPE x gauge\nx 1 2 3'],
  ])('refuses %s', (_why, text) => {
    expect(() => parsePrometheusText(text)).toThrow();
  });
});
