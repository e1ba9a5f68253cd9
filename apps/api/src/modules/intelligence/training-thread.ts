import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Sample, TrainOptions } from './classifier';
import type { ProgressReport, TrainingOutcome } from './training-run';

/** Runs `trainAndMeasure` in a worker thread (from the TypeScript sources under tests and tsx, compiled otherwise). */
export function trainInWorker(samples: Sample[], options: TrainOptions, report: ProgressReport): Promise<TrainingOutcome> {
  const workerData = { samples, options };
  const worker = __filename.endsWith('.ts')
    ? new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(join(__dirname, 'training.worker.ts'))});`, {
        eval: true,
        workerData,
      })
    : new Worker(join(__dirname, 'training.worker.js'), { workerData });
  return new Promise<TrainingOutcome>((resolve, reject) => {
    worker.on('message', (m: { progress?: number; message?: string; outcome?: TrainingOutcome; error?: string }) => {
      if (m.outcome) resolve(m.outcome);
      else if (m.error !== undefined) reject(new Error(m.error));
      else if (m.progress !== undefined) report(m.progress, m.message ?? '');
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`training worker exited with code ${code}`)));
  }).finally(() => void worker.terminate());
}
