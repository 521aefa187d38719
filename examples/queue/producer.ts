/**
 * The producer: renders an edition once, stores it once in Redis, and enqueues one job per ESP
 * batch of its recipients. Job ids are deterministic (`editionId:esp:batchIndex`), so running the
 * producer twice for the same edition adds nothing the second time.
 *
 *   REDIS_URL=redis://127.0.0.1:6379 ESP=resend npx tsx examples/queue/producer.ts \
 *     examples/morning-edition.json recipients.jsonl am-2026-03-14
 *
 * recipients.jsonl holds one `{ "email", "id"?, "name"?, "data"? }` per line.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import {
  type Briefing,
  createRenderer,
  type EspRecipient,
  type RenderOptions,
} from '../../src/node/index.js';
import {
  batchSize,
  checkEditionId,
  editionKey,
  jobIdOf,
  type QueueSettings,
  readSettings,
  type SendJob,
  type StoredEdition,
} from './settings.js';

/** One edition to send. */
export interface EditionSend {
  editionId: string;
  briefing: Briefing;
  renderOptions?: RenderOptions;
  from: string;
  listId?: string;
  recipients: Iterable<EspRecipient> | AsyncIterable<EspRecipient>;
}

/** What {@link enqueueEdition} did. */
export interface Enqueued {
  jobs: number;
  recipients: number;
}

/**
 * Renders `send.briefing` once, stores it under `newsbrief:edition:<id>` (kept 7 days) and adds
 * one job per batch of recipients, streaming the list so it is never held whole.
 */
export async function enqueueEdition(settings: QueueSettings, send: EditionSend): Promise<Enqueued> {
  const editionId = checkEditionId(send.editionId);
  const result = (await createRenderer(send.renderOptions)).render(send.briefing);
  const stored: StoredEdition = {
    result: {
      html: result.html,
      text: result.text,
      subject: result.subject,
      preheader: result.preheader,
      stats: result.stats,
      ...(result.listUnsubscribe === undefined ? {} : { listUnsubscribe: result.listUnsubscribe }),
    },
    from: send.from,
    ...(send.listId === undefined ? {} : { listId: send.listId }),
  };
  const redis = new Redis(settings.redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue<SendJob>(settings.queueName, {
    connection: { url: settings.redisUrl },
    defaultJobOptions: {
      attempts: settings.attempts,
      backoff: { type: 'exponential', delay: settings.backoffMs },
      // Completed jobs only need to live long enough to block a re-add of the same batch.
      removeOnComplete: { age: 7 * 24 * 3600 },
      removeOnFail: false,
    },
  });
  try {
    await redis.set(editionKey(editionId), JSON.stringify(stored), 'EX', 7 * 24 * 3600);
    const size = batchSize[settings.esp];
    let jobs = 0;
    let recipients = 0;
    let chunk: EspRecipient[] = [];
    let pending: Parameters<typeof queue.addBulk>[0] = [];
    const flushJobs = async () => {
      if (pending.length > 0) await queue.addBulk(pending);
      pending = [];
    };
    const addChunk = async () => {
      const data: SendJob = { editionId, esp: settings.esp, batchIndex: jobs, recipients: chunk };
      pending.push({ name: 'send', data, opts: { jobId: jobIdOf(editionId, settings.esp, jobs) } });
      jobs += 1;
      chunk = [];
      if (pending.length >= 50) await flushJobs();
    };
    for await (const recipient of send.recipients) {
      chunk.push(recipient);
      recipients += 1;
      if (chunk.length === size) await addChunk();
    }
    if (chunk.length > 0) await addChunk();
    await flushJobs();
    return { jobs, recipients };
  } finally {
    await queue.close();
    redis.disconnect();
  }
}

async function* readJsonLines(file: string): AsyncGenerator<EspRecipient> {
  let line = 0;
  for await (const text of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    line += 1;
    if (text.trim() === '') continue;
    try {
      yield JSON.parse(text) as EspRecipient;
    } catch (error) {
      throw new Error(`${file}:${line}: ${(error as Error).message}`);
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [briefingFile, recipientsFile, editionId] = process.argv.slice(2);
  if (!briefingFile || !recipientsFile || !editionId) {
    console.error('usage: producer.ts <briefing.json> <recipients.jsonl> <edition-id>');
    process.exit(2);
  }
  const settings = readSettings();
  const briefing = JSON.parse(await readFile(briefingFile, 'utf8')) as Briefing;
  const { jobs, recipients } = await enqueueEdition(settings, {
    editionId,
    briefing,
    from: process.env.FROM ?? 'Morning Brief <news@example.com>',
    ...(process.env.LIST_ID ? { listId: process.env.LIST_ID } : {}),
    recipients: readJsonLines(recipientsFile),
  });
  console.log(
    `${editionId}: ${recipients} recipients in ${jobs} ${settings.esp} jobs on "${settings.queueName}"`,
  );
}
