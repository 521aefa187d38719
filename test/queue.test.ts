/**
 * The queue recipe end to end: a real redis-server, the producer enqueueing 20,000 recipients as
 * ESP-sized jobs, three worker processes posting to a capture server, one of them killed with
 * SIGKILL right after the ESP accepted its batch (the fifth of the run). Every recipient must
 * arrive exactly once.
 *
 * SendGrid by default (the ESP merges reader tokens: 20 calls of 1,000); `QUEUE_TEST_ESP=resend`
 * runs the path where workers `personalize` every message (200 calls of 100, ~400 MB of JSON),
 * which on a loaded 2-core machine can take longer than a unit test should.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CapturedBatch,
  type CaptureServer,
  startCaptureServer,
} from '../examples/queue/capture-server.js';
import { enqueueEdition } from '../examples/queue/producer.js';
import { batchSize, type EspName, readSettings } from '../examples/queue/settings.js';
import type { Briefing, EspRecipient } from '../src/index.js';
import { startRedis, stopProcess, type TestRedis } from './support/redis.js';

const total = 20_000;
const esp = (process.env.QUEUE_TEST_ESP ?? 'sendgrid') as EspName;
const jobs = Math.ceil(total / batchSize[esp]);
const workerScript = new URL('../examples/queue/worker.ts', import.meta.url).pathname;

let redis: TestRedis | undefined;
let capture: CaptureServer | undefined;
const workers: ChildProcess[] = [];
let onAccepted: (batch: CapturedBatch) => void | Promise<void> = () => {};

beforeAll(async () => {
  redis = await startRedis();
  capture = await startCaptureServer({
    esp,
    throttleEvery: Math.ceil(jobs / 5),
    onAccepted: (batch) => onAccepted(batch),
  });
}, 60_000);

afterAll(async () => {
  await Promise.all(workers.map((worker) => stopProcess(worker)));
  await capture?.close();
  await redis?.stop();
}, 60_000);

function* readers(): Generator<EspRecipient> {
  for (let i = 0; i < total; i++) {
    yield { email: `reader${i}@example.org`, id: `r${i}`, data: { first_name: `Reader${i}` } };
  }
}

/**
 * Spawns `node --import tsx examples/queue/worker.ts` (one process: the `tsx` command would run
 * the worker in a child, out of reach of our SIGKILL) and resolves once it prints `ready`.
 */
function spawnWorker(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', workerScript], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  workers.push(child);
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
    // Failed attempts are worth seeing in the test log.
    process.stderr.write(`worker ${child.pid}: ${chunk}`);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker not ready after 40 s: ${errors}`)), 40_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited (${code}): ${errors}`));
    });
  });
}

type Headers = Record<string, string>;

/** The first reader of the sampled call: the greeting they get, after the ESP's merge where it merges. */
function firstReader(sample: unknown): { index: number; greeting: string; headers: Headers } {
  const greetingIn = (html: string) => /Good morning, [^<]*\./.exec(html)?.[0] ?? '';
  if (esp === 'sendgrid') {
    const body = sample as {
      content: { type: string; value: string }[];
      personalizations: { to: { email: string }[]; substitutions?: Headers; headers?: Headers }[];
    };
    const first = body.personalizations[0];
    let html = body.content.find((part) => part.type === 'text/html')?.value ?? '';
    // What SendGrid does with substitutions: replace each key in the copy.
    for (const [key, value] of Object.entries(first?.substitutions ?? {})) html = html.split(key).join(value);
    return { index: indexOf(first?.to[0]?.email), greeting: greetingIn(html), headers: first?.headers ?? {} };
  }
  const first = (sample as { to: string[]; html: string; headers: Headers }[])[0];
  return {
    index: indexOf(first?.to[0]),
    greeting: greetingIn(first?.html ?? ''),
    headers: first?.headers ?? {},
  };
}

function indexOf(address: string | undefined): number {
  return Number(/reader(\d+)@/.exec(address ?? '')?.[1]);
}

describe('queue recipe: BullMQ over redis-server', () => {
  it('delivers 20,000 recipients exactly once through 3 workers when one is killed mid-run', async () => {
    if (!redis || !capture) throw new Error('setup failed');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      REDIS_URL: redis.url,
      QUEUE_NAME: 'send-test',
      ESP: esp,
      ESP_URL: capture.url,
      CONCURRENCY: esp === 'resend' ? '2' : '1',
      RATE_MAX: '100',
      RATE_DURATION_MS: '1000',
      // Short locks so a dead worker's job comes back within seconds, not the default 30 s.
      LOCK_DURATION_MS: '4000',
      STALLED_INTERVAL_MS: '1000',
      BACKOFF_MS: '200',
      UNSUBSCRIBE_BASE: 'https://example.com/unsubscribe',
      UNSUBSCRIBE_SECRET: 'queue-test-secret-of-at-least-32-bytes!',
    };
    const settings = readSettings(env);
    const started = await Promise.all([spawnWorker(env), spawnWorker(env), spawnWorker(env)]);
    let victim: ChildProcess | undefined;

    // Once a few batches are through, kill whichever worker sent the next one, right after the ESP
    // accepted it and before it hears back: it holds that job, never completes it, and another
    // worker must re-run it.
    let killedKey: string | undefined;
    onAccepted = async (batch) => {
      if (killedKey !== undefined || capture?.log.batches.length !== 5) return;
      victim = started.find((worker) => batch.userAgent.endsWith(`/${worker.pid}`));
      if (!victim) throw new Error(`no worker sent ${batch.idempotencyKey} (${batch.userAgent})`);
      killedKey = batch.idempotencyKey;
      const dead = victim;
      const exited = new Promise((resolve) => dead.once('exit', resolve));
      dead.kill('SIGKILL');
      await exited;
    };

    const source = JSON.parse(
      await readFile(new URL('../examples/morning-edition.json', import.meta.url), 'utf8'),
    ) as Briefing;
    const briefing: Briefing = { ...source, greeting: 'Good morning, {{reader.first_name|reader}}.' };

    const queue = new Queue('send-test', { connection: { url: redis.url } });
    try {
      const t0 = performance.now();
      const enqueued = await enqueueEdition(settings, {
        editionId: 'am-2026-12-05',
        briefing,
        from: 'Morning Brief <news@example.com>',
        listId: 'Morning Brief <am.news.example.com>',
        recipients: readers(),
      });
      expect(enqueued).toEqual({ jobs, recipients: total });

      let counts: Record<string, number> = {};
      while (performance.now() - t0 < 70_000) {
        counts = await queue.getJobCounts('completed', 'failed', 'active', 'wait', 'delayed', 'prioritized');
        if ((counts.completed ?? 0) + (counts.failed ?? 0) >= enqueued.jobs) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const seconds = (performance.now() - t0) / 1000;
      const log = capture.log;
      console.log(
        `queue: ${total} recipients in ${enqueued.jobs} jobs, 3 workers (one killed), ${seconds.toFixed(1)} s end to end: ` +
          `${Math.round(total / seconds)} recipients/s, ${(enqueued.jobs / seconds).toFixed(1)} jobs/s; ` +
          `${log.duplicatesIgnored} duplicate call(s) ignored, ${log.throttled} throttled and retried`,
      );

      expect(counts.failed ?? 0).toBe(0);
      expect(counts.completed).toBe(enqueued.jobs);
      expect(killedKey).toBeDefined();
      expect(victim?.signalCode).toBe('SIGKILL');
      expect(log.rejected).toEqual([]);
      // The killed worker's batch was posted again by the worker that took it over, with the same
      // key, and the ESP answered without delivering twice.
      expect(log.duplicatesIgnored).toBeGreaterThanOrEqual(1);
      expect(log.batches.filter((batch) => batch.idempotencyKey === killedKey)).toHaveLength(1);
      expect(log.throttled).toBeGreaterThanOrEqual(1);
      // Exactly once: every address of the list, each delivered by one accepted call.
      expect(log.batches).toHaveLength(enqueued.jobs);
      expect(log.deliveries.size).toBe(total);
      const twice = [...log.deliveries].filter(([, count]) => count !== 1);
      expect(twice).toEqual([]);
      for (const { email } of readers()) expect(log.deliveries.has(email)).toBe(true);

      // What a reader gets: their own greeting and their own one-click unsubscribe URL.
      const reader = firstReader(log.sample);
      expect(reader.greeting).toBe(`Good morning, Reader${reader.index}.`);
      expect(reader.headers['List-Unsubscribe']).toMatch(/^<https:\/\/example\.com\/unsubscribe/);
      expect(reader.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');

      // Producing the same edition again adds nothing: the job ids already exist.
      const again = await enqueueEdition(settings, {
        editionId: 'am-2026-12-05',
        briefing,
        from: 'Morning Brief <news@example.com>',
        recipients: readers(),
      });
      expect(again.jobs).toBe(jobs);
      const after = await queue.getJobCounts('completed', 'wait', 'active', 'delayed');
      expect(after).toMatchObject({ completed: jobs, wait: 0, active: 0, delayed: 0 });
      expect(log.batches).toHaveLength(enqueued.jobs);
    } finally {
      await queue.close();
    }
  }, 120_000);
});
