// Names for ids: the console shows practices, people and order numbers, never ids, so screens that hold only an id
// (a next step's account, an order's account) ask for the record once and keep its name for the page's life.
import { get } from './api.js';

const cache = new Map();

function once(key, load) {
  if (!cache.has(key)) cache.set(key, load().catch(problem => { cache.delete(key); throw problem; }));
  return cache.get(key);
}

export const account = id => once(`a:${id}`, () => get(`/api/accounts/${encodeURIComponent(id)}`));
export const lead = id => once(`l:${id}`, () => get(`/api/leads/${encodeURIComponent(id)}`));
export const order = id => once(`o:${id}`, () => get(`/api/orders/${encodeURIComponent(id)}`));

/** The account's practice name, or words saying it cannot be seen (another region, or not opened yet). */
export async function accountName(id) {
  if (!id) return '—';
  try { return (await account(id)).name; } catch (e) { return 'an account you cannot see'; }
}

export async function leadName(id) {
  if (!id) return '—';
  try { return (await lead(id)).practiceName; } catch (e) { return 'a lead you cannot see'; }
}

/** Forgets what was read, e.g. after a change to the record. */
export function forget(id) {
  for (const prefix of ['a:', 'l:', 'o:']) cache.delete(prefix + id);
}

/** Runs `work` over the items, at most `limit` at a time (the gateway limits calls per person). */
export async function eachLimited(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i], i);
    }
  });
  await Promise.all(runners);
  return results;
}
