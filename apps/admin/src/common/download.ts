import { tokenStore } from '../graphql/client';

/**
 * Downloads a file the API serves behind the bearer credential (e.g. `GET /exports/<id>`): a plain link would not
 * carry the token, so the file is fetched as a blob and saved under the name the API gave it.
 */
export async function downloadWithToken(url: string, fileName: string): Promise<void> {
  const token = tokenStore.get();
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the blob goes away.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** Polls `read` every `intervalMs` until `done` says so (or `attempts` run out); reports each value. */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  onValue: (value: T) => void,
  intervalMs = 700,
  attempts = 600,
): Promise<T> {
  let value = await read();
  onValue(value);
  for (let i = 0; i < attempts && !done(value); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    value = await read();
    onValue(value);
  }
  return value;
}
