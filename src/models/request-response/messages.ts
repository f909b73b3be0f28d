// Messages of the request-response model. Truth fields are for measurement only.

import type { AttemptTruth, RequestTruth } from './truth.js';

export interface RequestMessage {
  readonly kind: 'request';
  readonly requestId: number;
  /** 1 for the first attempt, 2 for the first retry, ... */
  readonly attemptNumber: number;
  readonly attempt: AttemptTruth;
  readonly request: RequestTruth;
}

export interface ResponseMessage {
  readonly kind: 'response';
  readonly requestId: number;
  readonly attemptNumber: number;
  readonly outcome: 'ok' | 'rejected';
}

export type RequestResponseMessage = RequestMessage | ResponseMessage;
