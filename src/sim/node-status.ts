// The true status of a node process, as the simulator knows it.

export const NODE_UP = 0;
/** Crashed; its host is up and refuses connections ("connection refused"). */
export const NODE_DOWN_REFUSING = 1;
/** Crashed or host gone; messages vanish and only a timeout tells the sender. */
export const NODE_DOWN_SILENT = 2;
/** Stopped (GC, VM suspend): messages and timers wait until it resumes. */
export const NODE_PAUSED = 3;

export type NodeStatus = typeof NODE_UP | typeof NODE_DOWN_REFUSING | typeof NODE_DOWN_SILENT | typeof NODE_PAUSED;
