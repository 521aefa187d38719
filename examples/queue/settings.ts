/**
 * The knobs of the queue recipe, read from the environment by the producer and the workers, and
 * the job shape they share. Every value is checked here, where it enters.
 */
import type { EspName, EspRecipient, RenderResult } from '../../src/index.js';

export type { EspName };

/** Recipients per API call, the limits `espBatches` chunks to: one job is one call. */
export const batchSize: Record<EspName, number> = {
  mailgun: 1000,
  sendgrid: 1000,
  ses: 50,
  postmark: 500,
  resend: 100,
};

/** Each ESP's API base; `ESP_URL` replaces it (a capture server, an EU region). */
const apiBase: Record<EspName, string> = {
  mailgun: 'https://api.mailgun.net',
  sendgrid: 'https://api.sendgrid.com',
  ses: 'https://email.us-east-1.amazonaws.com',
  postmark: 'https://api.postmarkapp.com',
  resend: 'https://api.resend.com',
};

/** One job: one ESP call for one batch of one edition's recipients. */
export interface SendJob {
  editionId: string;
  esp: EspName;
  batchIndex: number;
  recipients: EspRecipient[];
}

/** What the producer stores once per edition, and each worker loads once. */
export interface StoredEdition {
  /** The RenderResult without its lint warnings, which sending does not read. */
  result: Omit<RenderResult, 'warnings'>;
  from: string;
  listId?: string;
}

/** Settings from the environment; see examples/queue/README.md for each. */
export interface QueueSettings {
  redisUrl: string;
  queueName: string;
  esp: EspName;
  espUrl: string;
  espApiKey: string;
  concurrency: number;
  /** BullMQ `limiter`: at most `rateMax` jobs (ESP calls) per `rateDurationMs`, across all workers. */
  rateMax: number;
  rateDurationMs: number;
  lockDurationMs: number;
  stalledIntervalMs: number;
  attempts: number;
  backoffMs: number;
  unsubscribeBase: string | undefined;
  unsubscribeSecret: string | undefined;
}

const espNames = Object.keys(batchSize) as EspName[];

/** Reads the settings; a bad value throws naming the variable, what was expected and what was found. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): QueueSettings {
  const esp = (env.ESP ?? 'resend') as EspName;
  if (!espNames.includes(esp)) throw new Error(`ESP: expected one of ${espNames.join(', ')}, found "${esp}"`);
  const number = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(`${name}: expected a whole number of at least 1, found "${raw}"`);
    }
    return value;
  };
  const espUrl = new URL(env.ESP_URL ?? apiBase[esp]).href.replace(/\/$/, '');
  return {
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    queueName: env.QUEUE_NAME ?? 'newsbrief-send',
    esp,
    espUrl,
    espApiKey: env.ESP_API_KEY ?? '',
    concurrency: number('CONCURRENCY', 4),
    rateMax: number('RATE_MAX', 10),
    rateDurationMs: number('RATE_DURATION_MS', 1000),
    lockDurationMs: number('LOCK_DURATION_MS', 30_000),
    stalledIntervalMs: number('STALLED_INTERVAL_MS', 30_000),
    attempts: number('ATTEMPTS', 8),
    backoffMs: number('BACKOFF_MS', 1000),
    unsubscribeBase: env.UNSUBSCRIBE_BASE,
    unsubscribeSecret: env.UNSUBSCRIBE_SECRET,
  };
}

/** The Redis key holding one rendered edition. */
export const editionKey = (editionId: string): string => `newsbrief:edition:${editionId}`;

/** The Redis key a worker sets once the ESP has accepted a batch (the job id). */
export const sentKey = (jobId: string): string => `newsbrief:sent:${jobId}`;

/** The job id, and the Idempotency-Key of its ESP call: re-adding the same batch is a no-op. */
export const jobIdOf = (editionId: string, esp: EspName, batchIndex: number): string =>
  `${editionId}:${esp}:${batchIndex}`;

/** Edition ids go into Redis keys and job ids, where `:` separates parts. */
export function checkEditionId(editionId: string): string {
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(editionId)) {
    throw new Error(`editionId: expected letters, digits, ".", "_" or "-", found "${editionId}"`);
  }
  return editionId;
}
