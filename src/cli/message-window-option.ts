// `--messages <A..B>` of `ddsim run`: the window of the message diagram, as a duration range
// (`10s..10.5s`) or one time (a window centred on it), parsed as the scenario's ranges are.

import { explicitMessageWindow, type MessageWindow } from '../report/message-window.js';
import { parseDurationRangeUs } from '../scenario/units.js';
import { InputError } from './errors.js';

export function parseMessagesOption(text: string | undefined): MessageWindow | undefined {
  if (text === undefined) return undefined;
  const parsed = parseDurationRangeUs(text);
  if (!parsed.ok) {
    throw new InputError([{ file: '--messages', line: 0, column: 0, path: 'messages', message: parsed.message, hint: parsed.hint ?? 'e.g. --messages 10s..10.5s' }]);
  }
  return explicitMessageWindow(parsed.value);
}
