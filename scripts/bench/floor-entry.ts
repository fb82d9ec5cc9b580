/** Page side of the raw floor: one TreeWalker pass over every text node, as its own task. */
import { finishTask, floorPass, startTask } from './harness';

const bench = { run: () => startTask(floorPass), finish: finishTask };

declare global {
  interface Window {
    __floorBench: typeof bench;
  }
}
window.__floorBench = bench;
