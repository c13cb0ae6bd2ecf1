import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runs `npm run slide-check -- args` (it draws in headless Chromium) and returns what it printed and its exit code. */
function slideCheck(...args: string[]): { output: string; code: number } {
  const run = spawnSync('npx', ['tsx', 'scripts/slide-check.ts', ...args], { encoding: 'utf8' });
  return { output: run.stdout + run.stderr, code: run.status ?? -1 };
}

// a server and a browser per run: seconds, and no measure of speed
describe('npm run slide-check', { timeout: 90_000 }, () => {
  it('reports each view of a model against the goals, and names a file it cannot read with what to give instead, exiting 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slide-check-'));
    writeFileSync(join(dir, 'broken.json'), '{ "nodes": [');
    const { output, code } = slideCheck('no-such-model.json', join(dir, 'broken.json'), 'graph-data/foreign.json', '--lang', 'zh');
    expect(code).toBe(1);
    expect(output).toContain('cannot read no-such-model.json: no such file. Give the path of a model JSON file');
    expect(output).toContain('broken.json is not JSON');
    expect(output).toMatch(/✓ \(whole model\) · zh: 6 actors, labels \d+\.\d px, 0 overlapping/);
    expect(output).toContain('2 file(s) could not be read.');
    // a message, not a stack trace
    expect(output).not.toMatch(/\n\s+at /);
  });
});
