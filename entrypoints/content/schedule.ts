/**
 * Where the scan's later slices run. A background-priority task (scheduler.postTask) runs once the
 * page's own work is done, without waiting for an idle period: Chromium grants those seldom while
 * nothing is being rendered, which stretched a long page's scan from 0.5 to 1.5 s of wall time for
 * the same work. Without the Scheduler API, an idle callback.
 */
type PostTask = (task: () => void, options: { priority: 'background' }) => Promise<unknown>;

/** Runs `task` at background priority, or in idle time (through `idle`) without the Scheduler API. */
export function inBackground(
  task: () => void,
  idle: (task: () => void, options: { timeout: number }) => unknown = requestIdleCallback,
): void {
  const postTask = (globalThis as { scheduler?: { postTask?: PostTask } }).scheduler?.postTask;
  if (postTask)
    void postTask.call((globalThis as { scheduler?: unknown }).scheduler, task, { priority: 'background' });
  else idle(task, { timeout: 100 });
}
