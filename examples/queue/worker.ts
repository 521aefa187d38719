/**
 * A worker: takes one batch job at a time (or `CONCURRENCY` of them), builds that batch's ESP
 * request with `espBatches` from the edition it loaded once, and posts it with the job id as the
 * `Idempotency-Key`. Start as many as you like, on as many machines:
 *
 *   REDIS_URL=redis://127.0.0.1:6379 ESP=resend ESP_API_KEY=re_… npx tsx examples/queue/worker.ts
 *
 * BullMQ's `limiter` keeps every worker together under the ESP's rate; a 429 pauses the whole
 * queue for the ESP's Retry-After. Other failures retry with exponential backoff; a worker that
 * dies loses its lock and BullMQ's stalled-job check hands its job to another worker.
 */
import { pathToFileURL } from 'node:url';
import { type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { type EspBatch, type EspOptions, espBatches, type RenderResult } from '../../src/index.js';
import {
  editionKey,
  type QueueSettings,
  readSettings,
  type SendJob,
  type StoredEdition,
  sentKey,
} from './settings.js';

/** Starts a worker on `settings.queueName`; resolves once it is connected. */
export async function startWorker(settings: QueueSettings): Promise<Worker<SendJob>> {
  if (settings.esp === 'ses') {
    throw new Error(
      'ESP: SES requests are SigV4-signed; send batch.body with @aws-sdk/client-sesv2 (see README)',
    );
  }
  const redis = new Redis(settings.redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue<SendJob>(settings.queueName, { connection: { url: settings.redisUrl } });
  // One rendered edition per process: loaded on first use, then every batch reuses it.
  const editions = new Map<string, Promise<StoredEdition>>();
  const editionOf = (editionId: string): Promise<StoredEdition> => {
    let edition = editions.get(editionId);
    if (!edition) {
      edition = redis.get(editionKey(editionId)).then((json) => {
        if (json === null) throw new UnrecoverableError(`edition ${editionId} is not in Redis (expired?)`);
        return JSON.parse(json) as StoredEdition;
      });
      edition.catch(() => editions.delete(editionId));
      editions.set(editionId, edition);
    }
    return edition;
  };

  const send = async (job: Job<SendJob>): Promise<string> => {
    const jobId = job.id as string;
    // The ESP accepted this batch before and the job was re-run (a stall after the post):
    // done already, no second call.
    if ((await redis.exists(sentKey(jobId))) === 1) return 'sent before';
    const edition = await editionOf(job.data.editionId);
    const result: RenderResult = { ...edition.result, warnings: [] };
    const options = {
      esp: job.data.esp,
      from: edition.from,
      ...(edition.listId === undefined ? {} : { listId: edition.listId }),
      ...(settings.unsubscribeBase && settings.unsubscribeSecret
        ? { unsubscribe: { base: settings.unsubscribeBase, secret: settings.unsubscribeSecret } }
        : {}),
    } as EspOptions;
    // A job is one ESP-sized chunk, so this yields exactly one batch.
    for await (const batch of espBatches(result, job.data.recipients, options)) {
      await post(settings, batch, jobId, queue);
    }
    await redis.set(sentKey(jobId), '1', 'EX', 7 * 24 * 3600);
    return 'sent';
  };

  const worker = new Worker<SendJob>(settings.queueName, send, {
    connection: { url: settings.redisUrl },
    concurrency: settings.concurrency,
    limiter: { max: settings.rateMax, duration: settings.rateDurationMs },
    lockDuration: settings.lockDurationMs,
    stalledInterval: settings.stalledIntervalMs,
    maxStalledCount: 2,
  });
  worker.on('closed', () => {
    void queue.close();
    redis.disconnect();
  });
  await worker.waitUntilReady();
  return worker;
}

/** Posts one batch; 429 pauses the queue, other refusals throw for BullMQ's retry. */
async function post(settings: QueueSettings, batch: EspBatch, jobId: string, queue: Queue): Promise<void> {
  const { body, contentType } = wireBody(batch);
  const response = await fetch(`${settings.espUrl}${batch.path}`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'idempotency-key': jobId,
      'user-agent': `newsbrief-queue-worker/${process.pid}`,
      ...authHeaders(settings),
    },
    body,
    // The job's lock is renewed while we wait, so a slow ESP costs time, not the job.
    signal: AbortSignal.timeout(60_000),
  });
  const answer = await response.text();
  if (response.ok) return;
  if (response.status === 429) {
    const seconds = Number(response.headers.get('retry-after'));
    await queue.rateLimit(Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : settings.rateDurationMs);
    throw Worker.RateLimitError();
  }
  const message = `${batch.esp} answered ${response.status} for ${jobId}: ${answer.slice(0, 300)}`;
  // 4xx other than 429 will not get better by retrying; 5xx and network errors will.
  throw response.status < 500 ? new UnrecoverableError(message) : new Error(message);
}

function wireBody(batch: EspBatch): { body: string; contentType: string } {
  switch (batch.esp) {
    case 'mailgun': {
      const form = new URLSearchParams();
      for (const [name, value] of Object.entries(batch.body)) {
        for (const item of Array.isArray(value) ? value : [value]) form.append(name, String(item));
      }
      return { body: form.toString(), contentType: 'application/x-www-form-urlencoded' };
    }
    case 'resend':
      // The body is in the SDK's camelCase; the REST API spells reply_to.
      return {
        body: JSON.stringify(
          batch.body.map(({ replyTo, ...email }) => (replyTo ? { ...email, reply_to: replyTo } : email)),
        ),
        contentType: 'application/json',
      };
    default:
      return { body: JSON.stringify(batch.body), contentType: 'application/json' };
  }
}

function authHeaders(settings: QueueSettings): Record<string, string> {
  const key = settings.espApiKey;
  if (key === '') return {};
  switch (settings.esp) {
    case 'mailgun':
      return { authorization: `Basic ${Buffer.from(`api:${key}`).toString('base64')}` };
    case 'postmark':
      return { 'x-postmark-server-token': key, accept: 'application/json' };
    default:
      return { authorization: `Bearer ${key}` };
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const worker = await startWorker(readSettings());
  worker.on('failed', (job, error) => console.error(`failed ${job?.id}: ${error.message}`));
  worker.on('completed', (job) => console.log(`completed ${job.id}`));
  console.log(`ready ${process.pid}`);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      // Finish the jobs in hand, take no new ones.
      void worker.close().then(() => process.exit(0));
    });
  }
}
