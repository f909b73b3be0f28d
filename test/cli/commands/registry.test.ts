// The command registry: each line's name is the command its module defines, and main() loads
// only the command named first on the command line (all of them otherwise).

import { Command } from 'commander';
import { describe, expect, test } from 'vitest';
import { COMMANDS, commandsFor } from '../../../src/cli/commands/index.js';
import { fakeIo } from '../fake-io.js';

describe('command registry', () => {
  test("each line's name is the name of the command its module defines", async () => {
    for (const entry of COMMANDS) {
      const program = new Command();
      (await entry.load()).define(program, fakeIo());
      expect(program.commands.map((command) => command.name())).toEqual([entry.name]);
    }
  });

  test('the command named first is the only one loaded; otherwise all are', () => {
    expect(commandsFor(['run', 'a.yaml']).map((entry) => entry.name)).toEqual(['run']);
    expect(commandsFor(['schema']).map((entry) => entry.name)).toEqual(['schema']);
    for (const args of [[], ['--help'], ['help', 'run'], ['rn', 'a.yaml'], ['-V', 'run']]) expect(commandsFor(args)).toBe(COMMANDS);
  });
});
