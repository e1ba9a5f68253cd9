/**
 * PredictionPool: classifies large batches on several cores with worker threads, each holding a copy
 * of the model (segmentation dominates the cost of a prediction, and is CPU-bound). Results are
 * identical to `model.predictBatch`. Create once per model and reuse: starting a worker loads the
 * segmenter dictionary (~0.2 s).
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ComplaintCauseModel, PredictOptions, Prediction } from './model';

export interface PoolOptions {
  /** Worker threads. Default: available cores. */
  threads?: number;
  /** Texts per job sent to a worker. Default 250. */
  chunkSize?: number;
}

interface Pending {
  resolve: (p: Prediction[]) => void;
  reject: (e: Error) => void;
}

function spawn(model: ComplaintCauseModel): Worker {
  const compiled = join(__dirname, 'worker.js');
  const source = join(__dirname, 'worker.ts');
  const workerData = { model: model.toJSON() };
  if (__filename.endsWith('.ts')) {
    // running from TypeScript sources (tests, tsx scripts): let the worker compile them with tsx
    const code = `require('tsx/cjs/api').register(); require(${JSON.stringify(source)});`;
    return new Worker(code, { eval: true, workerData });
  }
  return new Worker(compiled, { workerData });
}

export class PredictionPool {
  private readonly workers: Worker[] = [];
  private readonly ready: Promise<void>[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly idle: Worker[] = [];
  private readonly queue: { id: number; texts: string[]; options: PredictOptions }[] = [];
  private nextId = 0;
  private closed = false;
  private readonly chunkSize: number;

  constructor(model: ComplaintCauseModel, options: PoolOptions = {}) {
    const threads = Math.max(1, options.threads ?? availableParallelism());
    this.chunkSize = Math.max(1, options.chunkSize ?? 250);
    for (let i = 0; i < threads; i++) {
      const w = spawn(model);
      this.workers.push(w);
      this.ready.push(
        new Promise<void>((resolve, reject) => {
          const onMessage = (m: { ready?: boolean }) => {
            if (m.ready) {
              w.off('error', reject);
              resolve();
            }
          };
          w.on('message', onMessage);
          w.once('error', reject);
        }),
      );
      w.on('message', (m: { id?: number; predictions?: string; error?: string }) => {
        if (m.id === undefined) {
          this.release(w);
          return;
        }
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (p) {
          if (m.error !== undefined) p.reject(new Error(m.error));
          else p.resolve(JSON.parse(m.predictions!) as Prediction[]);
        }
        this.release(w);
      });
      w.on('error', (e) => this.failAll(e));
    }
  }

  /** Resolves when every worker has loaded the model. */
  async warmUp(): Promise<void> {
    await Promise.all(this.ready);
  }

  async predictBatch(texts: readonly string[], options: PredictOptions = {}): Promise<Prediction[]> {
    if (this.closed) throw new Error('PredictionPool is closed');
    await this.warmUp();
    const jobs: Promise<Prediction[]>[] = [];
    for (let i = 0; i < texts.length; i += this.chunkSize) {
      const id = this.nextId++;
      jobs.push(new Promise<Prediction[]>((resolve, reject) => this.pending.set(id, { resolve, reject })));
      this.queue.push({ id, texts: texts.slice(i, i + this.chunkSize), options });
    }
    this.dispatch();
    return (await Promise.all(jobs)).flat();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.failAll(new Error('PredictionPool closed'));
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private release(w: Worker): void {
    this.idle.push(w);
    this.dispatch();
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) this.idle.shift()!.postMessage(this.queue.shift()!);
  }

  private failAll(e: Error): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
    this.queue.length = 0;
  }
}
