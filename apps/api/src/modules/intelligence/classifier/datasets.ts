/**
 * Loaders for the shared evaluation corpora (never copied into the repo). The corpora live in
 * `<repo>/../shared/data/complaints`; CI clones the repo elsewhere but keeps shared/ beside it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import type { Sample } from './model';

/** Walks up from `start` to the monorepo root (the folder holding nx.json). */
export function findRepoRoot(start: string = process.cwd()): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`no repo root (nx.json) above ${start}`);
    dir = up;
  }
}

export function complaintsDataDir(repoRoot: string = findRepoRoot()): string {
  return resolve(repoRoot, '..', 'shared', 'data', 'complaints');
}

export type DatasetName = 'cfpb' | 'banking77' | 'tipdm';

export const DATASET_FILES: Record<DatasetName, string> = {
  cfpb: 'cfpb-narratives.dev.csv.gz',
  banking77: 'banking77.train.csv',
  tipdm: 'tipdm2020.dev.csv.gz',
};

function readCsv(path: string): Record<string, string>[] {
  let buf = readFileSync(path);
  if (path.endsWith('.gz')) buf = gunzipSync(buf);
  return parse(buf, { columns: true, skip_empty_lines: true, relax_column_count: true, bom: true }) as Record<string, string>[];
}

/** Loads one corpus as samples ({id, text, label}); rows without text or label are skipped. */
export function loadDataset(name: DatasetName, dataDir: string = complaintsDataDir()): Sample[] {
  const rows = readCsv(join(dataDir, DATASET_FILES[name]));
  const out: Sample[] = [];
  rows.forEach((r, i) => {
    let s: Sample | undefined;
    if (name === 'cfpb') s = { id: r['complaint_id'] || `cfpb-${i}`, text: r['text'] ?? '', label: r['product5'] ?? '' };
    else if (name === 'banking77') s = { id: `b77-${i}`, text: r['text'] ?? '', label: r['category'] ?? '' };
    else s = { id: r['id'] || `tipdm-${i}`, text: r['text'] ?? '', label: r['label'] ?? '' };
    if (s.text.trim() && s.label.trim()) out.push(s);
  });
  return out;
}

export function datasetAvailable(name: DatasetName, dataDir: string = complaintsDataDir()): boolean {
  return existsSync(join(dataDir, DATASET_FILES[name]));
}

/** Deterministic stratified subsample of at most `n` samples (keeps class proportions). */
export function stratifiedSubsample(samples: readonly Sample[], n: number, seed = 7): Sample[] {
  if (samples.length <= n) return [...samples];
  // rank each sample inside its class by a seeded shuffle, then take the lowest ranks proportionally
  const byLabel = new Map<string, Sample[]>();
  for (const s of samples) {
    let a = byLabel.get(s.label);
    if (!a) byLabel.set(s.label, (a = []));
    a.push(s);
  }
  let state = seed >>> 0;
  const rnd = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const out: Sample[] = [];
  for (const label of [...byLabel.keys()].sort()) {
    const a = byLabel.get(label)!;
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    out.push(...a.slice(0, Math.max(1, Math.round((a.length * n) / samples.length))));
  }
  return out;
}
