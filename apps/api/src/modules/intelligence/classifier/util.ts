/** Small deterministic helpers shared by the classifier (no framework imports). */

/** mulberry32: tiny, fast, seedable PRNG returning floats in [0, 1). */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** In-place Fisher–Yates shuffle driven by `rng`. */
export function shuffleInPlace<T>(arr: T[] | Int32Array | Uint32Array, rng: () => number): void {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = arr[i]!;
    arr[i] = arr[j]!;
    arr[j] = t;
  }
}

/** Typed array → base64 (little-endian bytes, as stored in memory on every supported platform). */
export function typedToBase64(a: Float32Array | Uint32Array | Int32Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

function bytesFromBase64(s: string, bytesPerElement: number): ArrayBuffer {
  const buf = Buffer.from(s, 'base64');
  if (buf.byteLength % bytesPerElement !== 0) throw new Error('corrupt typed array payload');
  // copy into a fresh, aligned ArrayBuffer
  const out = new ArrayBuffer(buf.byteLength);
  new Uint8Array(out).set(buf);
  return out;
}

export function base64ToFloat32(s: string): Float32Array {
  return new Float32Array(bytesFromBase64(s, 4));
}

export function base64ToInt32(s: string): Int32Array {
  return new Int32Array(bytesFromBase64(s, 4));
}

export function base64ToUint32(s: string): Uint32Array {
  return new Uint32Array(bytesFromBase64(s, 4));
}

/** FNV-1a over the UTF-16 code units of `s` (unsigned). */
function fnv1a(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Indices of `samples` sorted by a hash of (label, text), ties by text and label: the same set of samples gives the
 * same order whatever order it came in (samples equal in both are interchangeable). Training and fold assignment
 * follow it, so a model and its measured accuracy depend on the samples, not on how the database returned them.
 */
export function canonicalOrder(samples: readonly { label: string; text: string }[]): number[] {
  const keys = samples.map((s) => fnv1a(s.label + '\u0000' + s.text));
  return Array.from(samples.keys()).sort((a, b) => {
    const x = samples[a]!;
    const y = samples[b]!;
    return keys[a]! - keys[b]! || (x.text < y.text ? -1 : x.text > y.text ? 1 : 0) || (x.label < y.label ? -1 : x.label > y.label ? 1 : 0);
  });
}
