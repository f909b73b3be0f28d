// The true cause of a failed request attempt, as the chapter lists them. The client only sees a
// timeout (or a refusal / rejection); the simulator knows which of these really happened.

export const FAILURE_CAUSES = {
  'request-lost': 'the network lost the request; the server never saw it',
  'response-lost': 'the server did the work, then the network lost the response',
  'server-crashed': 'the server process was down (connection refused, or silence)',
  unreachable: 'a partition or cut link separated client and server',
  'server-paused': 'the server was paused (GC, VM suspend) and did not answer in time',
  'queued-past-timeout': 'the server still had the request queued or in progress at the timeout',
  rejected: "the server's queue was full and it rejected the request",
  delayed: 'the request or its response was still in the network at the timeout',
} as const;

export type FailureCause = keyof typeof FAILURE_CAUSES;

export const FAILURE_CAUSE_NAMES = Object.keys(FAILURE_CAUSES) as FailureCause[];

export function failureMetricName(cause: FailureCause): string {
  return `failures.${cause}`;
}
