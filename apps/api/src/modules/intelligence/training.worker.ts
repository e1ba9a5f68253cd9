/** Worker-thread entry of classifier training: keeps the API's event loop free while a model trains. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Sample, TrainOptions } from './classifier';
import { trainAndMeasure } from './training-run';

if (parentPort) {
  const port = parentPort;
  const { samples, options } = workerData as { samples: Sample[]; options: TrainOptions };
  try {
    const outcome = trainAndMeasure(samples, options, (progress, message) => port.postMessage({ progress, message }));
    port.postMessage({ outcome });
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
}
