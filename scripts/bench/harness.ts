/**
 * Page-side timing shared by the benchmark entries (bundled into each of them). A measured run is one
 * ordinary task (a setTimeout callback, as a content script's work would be): `startTask` resolves
 * right after the synchronous work, so the runner can read the heap at once; `finishTask` then
 * resolves after the next rendered frame with the frame time and the long tasks seen meanwhile.
 */

export interface LongTask {
  /** ms after the measured task started. */
  start: number;
  duration: number;
}

export interface FrameRecord {
  /** The measured work's duration: the task's own, or until an asynchronous work has finished. */
  syncMs: number;
  /** From the end of the work to the end of the next frame (style, layout, paint of the result). */
  frameMs: number;
  longTasks: LongTask[];
}

let finishing: Promise<FrameRecord> | undefined;

export function now(): number {
  return performance.now();
}

/** Runs `work` as its own task; resolves with its result once it has run (or its promise settled). */
export function startTask<T>(work: () => T | Promise<T>): Promise<T> {
  const seen: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => seen.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });
  return new Promise<T>((resolve, reject) => {
    setTimeout(async () => {
      const t0 = now();
      let value: T;
      try {
        value = await work();
      } catch (error) {
        observer.disconnect();
        reject(error);
        return;
      }
      const t1 = now();
      finishing = new Promise<FrameRecord>((done) => {
        requestAnimationFrame(() => {
          // A message posted from the frame callback runs after that frame's rendering work.
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            const frameMs = now() - t1;
            setTimeout(() => {
              seen.push(...observer.takeRecords());
              observer.disconnect();
              done({
                syncMs: t1 - t0,
                frameMs,
                longTasks: seen.map((e) => ({ start: e.startTime - t0, duration: e.duration })),
              });
            }, 60);
          };
          channel.port2.postMessage(0);
        });
      });
      resolve(value);
    }, 0);
  });
}

/** The frame and long-task record of the last `startTask`. */
export function finishTask(): Promise<FrameRecord> {
  if (!finishing) return Promise.reject(new Error('no task started'));
  return finishing;
}

/** The raw floor: one TreeWalker pass that reads every text node's length. */
export function floorPass(): { chars: number; nodes: number } {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let chars = 0;
  let nodes = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    chars += (node as Text).data.length;
    nodes++;
  }
  return { chars, nodes };
}

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
