/** Worker-thread entry of PredictionPool: holds one copy of the model and classifies chunks of texts. */
import { parentPort, workerData } from 'node:worker_threads';
import { ComplaintCauseModel } from './model';
import type { ModelJSON, PredictOptions } from './model';

interface Job {
  id: number;
  texts: string[];
  options: PredictOptions;
}

if (parentPort) {
  const port = parentPort;
  const model = ComplaintCauseModel.fromJSON((workerData as { model: ModelJSON }).model);
  model.predict(''); // load the segmenter before the first job
  port.on('message', (job: Job) => {
    try {
      // as one JSON string: parsing it on the caller's thread costs a fraction of structured-cloning 10,000 objects
      port.postMessage({ id: job.id, predictions: JSON.stringify(model.predictBatch(job.texts, job.options)) });
    } catch (e) {
      port.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) });
    }
  });
  port.postMessage({ ready: true });
}
