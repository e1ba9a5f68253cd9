/**
 * Complaint-cause classifier (CCR), framework-free.
 *
 *   const model = train(samples, { dictionary: tenantWords, seed: 42 });   // samples: {text, label, id?}[]
 *   const row = JSON.stringify(model.toJSON());                             // store with version + measured accuracy
 *   const again = Model.fromJSON(JSON.parse(row));                          // identical predictions
 *   again.predict(text, { topK: 3 })   // { label, confidence, top, keywords }
 *   again.similar(text, 5)             // [{ id, label, score }] most similar indexed training complaints
 *   crossValidate(samples, 5, options) // { accuracy, macroF1, perClass, folds, ... }
 *   new PredictionPool(model).predictBatch(texts) // same results on all cores (worker threads)
 */
export * from './model';
export * from './evaluate';
export * from './tokenizer';
export * from './features';
export * from './stopwords';
export * from './datasets';
export * from './pool';
