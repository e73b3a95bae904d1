// A value computed once per transaction (or client) and key: several notices written in one
// transaction share the request's identities, the organisation's details and the data map instead
// of reading them again for each. The cache goes with the transaction object: never pass the
// app's long-lived client, whose cache would never be dropped.

const caches = new WeakMap<object, Map<string, Promise<unknown>>>();

export function perTransaction<T>(tx: object, key: string, compute: () => Promise<T>): Promise<T> {
  let cache = caches.get(tx);
  if (!cache) caches.set(tx, (cache = new Map()));
  if (!cache.has(key)) cache.set(key, compute());
  return cache.get(key) as Promise<T>;
}
