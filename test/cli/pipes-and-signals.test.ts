// The built CLI in a real process: a closed stdout (`| head -1`) ends it quietly with its exit
// code; Ctrl-C (SIGINT) during a long run stops it promptly with exit 130 and no partial output.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliIsBuilt as built, ROOT, runBuiltCli, type Ended } from '../builders/built-cli.js';

const BIN = join(ROOT, 'bin/ddsim.js');

function runBin(args: readonly string[], drive: (child: ChildProcess, out: () => string) => void): Promise<Ended> {
  return runBuiltCli(args, { drive });
}

describe.skipIf(!built)('pipes and signals', () => {
  it('a reader that closes after the first line ends ddsim quietly, with the exit code it had', async () => {
    const ended = await runBin(['run', 'scenarios/retry-duplicates.yaml'], (child) => {
      child.stdout!.once('data', () => child.stdout!.destroy());
    });
    expect(ended.err).not.toMatch(/EPIPE|at .*\.js:\d+/);
    expect(ended.code).toBe(1); // the scenario fails on purpose: its code survives the closed pipe
  });

  it('SIGINT during a long run exits 130 promptly and writes no partial JSON', async () => {
    const ended = await runBin(['run', 'scenarios/pause-looks-dead.yaml', '--set', 'duration=96h', '--format', 'json'], (child) => {
      setTimeout(() => child.kill('SIGINT'), 700);
    });
    expect(ended.code).toBe(130);
    expect(ended.out).toBe('');
    expect(ended.err).toContain('interrupted');
    expect(ended.elapsedMs).toBeLessThan(5000);
  });

  it('SIGINT during --check-determinism (its two runs sliced like any run) exits 130 promptly', async () => {
    const ended = await runBin(['run', 'scenarios/pause-looks-dead.yaml', '--set', 'duration=96h', '--check-determinism', '--format', 'json'], (child) => {
      setTimeout(() => child.kill('SIGINT'), 700);
    });
    expect(ended.code).toBe(130);
    expect(ended.out).toBe('');
    expect(ended.err).toContain('interrupted');
    expect(ended.err).not.toContain('deterministic');
    expect(ended.elapsedMs).toBeLessThan(5000);
  });

  it('SIGINT during a traced run keeps the traces of finished runs whole and leaves none of the interrupted one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ddsim-sigint-trace-'));
    const long = join(mkdtempSync(join(tmpdir(), 'ddsim-sigint-long-')), 'long.yaml');
    writeFileSync(long, readFileSync(join(ROOT, 'scenarios/pause-looks-dead.yaml'), 'utf8').replace(/^duration: .*$/m, 'duration: 96h'));
    const args = ['run', 'scenarios/detect-gc-pause.yaml', long, '-q', '--trace', dir];
    const ended = await runBin(args, (child) => {
      // The first run's line is out once its trace is written: interrupt the second, long one.
      child.stdout!.once('data', () => setTimeout(() => child.kill('SIGINT'), 300));
    });
    expect(ended.code).toBe(130);
    expect(readdirSync(dir)).toEqual(['detect-gc-pause.5.trace.json']);
    expect(JSON.parse(readFileSync(join(dir, 'detect-gc-pause.5.trace.json'), 'utf8')).otherData.scenario).toBe('detect-gc-pause');
  });

  it('SIGINT during a long `check` ends it at once with exit 130, writing nothing half-way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ddsim-sigint-check-'));
    const file = join(dir, 'h.edn');
    const lines: string[] = [];
    for (let i = 0; i < 400_000; i++) lines.push(`{:type :invoke, :f :write, :value ${i}, :process ${i % 5}}`, `{:type :ok, :f :write, :value ${i}, :process ${i % 5}}`);
    writeFileSync(file, lines.join('\n'));
    const ended = await runBin(['check', file], (child) => {
      setTimeout(() => child.kill('SIGINT'), 400);
    });
    expect(ended.out).toBe('');
    expect(ended.code).toBe(130); // an exit code of its own, not death by the signal (code null)
    expect(ended.err).toBe('interrupted\n');
    expect(ended.elapsedMs).toBeLessThan(2000);
    expect(ended.err).not.toMatch(/at .*\.js:\d+/);
  });

  it('SIGINT during a sweep stops the workers, keeps whole lines of finished runs, and exits 130', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ddsim-sigint-'));
    const out = join(dir, 'sweep.jsonl');
    // 400 runs take 20 s or more: Ctrl-C comes once the first run's line is written, so the
    // sweep is surely under way and far from its end however fast the machine is.
    const args = ['sweep', 'scenarios/pause-looks-dead.yaml', '--set', 'duration=600s', '--seeds', '400', '--workers', '2', '--out', out];
    const ended = await runBin(args, (child) => {
      const poll = setInterval(() => {
        const written = existsSync(out) ? readFileSync(out, 'utf8') : '';
        if (written.split('\n').length < 3) return; // the header and one run, each ended by \n
        clearInterval(poll);
        child.kill('SIGINT');
      }, 20);
      child.on('exit', () => clearInterval(poll));
    });
    expect(ended.code).toBe(130);
    expect(ended.err).toMatch(/interrupted: \d+ of 400 runs are in .*--resume/);
    expect(ended.elapsedMs).toBeLessThan(15_000);
    const text = readFileSync(out, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.trimEnd().split('\n');
    for (const line of lines) JSON.parse(line); // whole lines only
    expect(lines.length).toBeLessThan(401); // stopped before the end
  }, 30_000);
});

/** `script` (util-linux) gives the CLI a real terminal; Ctrl-C is then a byte typed into it. */
// Skipped where script(1) is missing or cannot open a pseudo-terminal (some containers).
const hasScript = spawnSync('script', ['-q', '-e', '-c', 'stty cols 100 rows 40 && test -t 2', '/dev/null'], { stdio: ['pipe', 'ignore', 'ignore'] }).status === 0;

function runOnTerminal(shellCommand: string, ctrlCAfterMs: number, whenShown?: string): Promise<Ended> {
  return new Promise((done) => {
    // Spinners are off under CI=... by design (canShowProgress); these tests are about a person's
    // terminal, so they run without it even when the suite itself runs in CI.
    const env = { ...process.env, TERM: process.env.TERM ?? 'xterm' };
    delete env.CI;
    const child = spawn('script', ['-q', '-e', '-c', shellCommand, '/dev/null'], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let startedMs = performance.now(); // with `whenShown`: from the Ctrl-C
    // Ctrl-C ctrlCAfterMs after the start or, with `whenShown`, 300 ms after that text is on the
    // screen (a loaded machine can take longer than any fixed delay to show the spinner).
    let typedOnce = false;
    child.stdout!.on('data', (chunk) => {
      out += String(chunk);
      if (whenShown !== undefined && !typedOnce && out.includes(whenShown)) {
        typedOnce = true;
        setTimeout(() => {
          startedMs = performance.now();
          child.stdin!.write('\x03');
        }, 300);
      }
    });
    const typed = setTimeout(() => {
      if (whenShown === undefined) child.stdin!.write('\x03');
    }, ctrlCAfterMs);
    const killed = setTimeout(() => child.kill('SIGKILL'), Math.max(ctrlCAfterMs, 5000) + 10_000);
    child.on('close', (code) => {
      clearTimeout(typed);
      clearTimeout(killed);
      done({ code, out, err: '', elapsedMs: performance.now() - startedMs });
    });
  });
}

describe.skipIf(!built || !hasScript)('on a real terminal', () => {
  const longRun = `node ${BIN} run scenarios/pause-looks-dead.yaml --set duration=96h`;

  it('Ctrl-C while the spinner shows stops the run within a second or two, exit 130', async () => {
    const ended = await runOnTerminal(`stty cols 100 rows 40; ${longRun}`, 0, 'simulating pause-looks-dead');
    expect(ended.out).toContain('simulating pause-looks-dead'); // the spinner was showing
    expect(ended.out).toContain('interrupted');
    expect(ended.code).toBe(130);
    expect(ended.elapsedMs).toBeLessThan(2500); // from the Ctrl-C to the end
  }, 20_000);

  it('the spinner has no colour under NO_COLOR', async () => {
    const ended = await runOnTerminal(`stty cols 100 rows 40; NO_COLOR=1 ${longRun}`, 0, 'simulating pause-looks-dead');
    expect(ended.out).toContain('simulating pause-looks-dead');
    expect(ended.out).not.toMatch(/\u001b\[3\dm/); // no foreground colour escape at all
    expect(ended.code).toBe(130);
  }, 20_000);

  it('a terminal of 0 columns gets no spinner (it would redraw endlessly), and Ctrl-C still works', async () => {
    const ended = await runOnTerminal(`stty cols 0 rows 0; ${longRun}`, 2500);
    expect(ended.out).not.toContain('simulating');
    expect(ended.out.length).toBeLessThan(200);
    expect(ended.code).toBe(130);
    expect(ended.elapsedMs).toBeLessThan(2500 + 2500);
  }, 20_000);
});

