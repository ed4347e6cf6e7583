/**
 * The reporter registry. The CLI derives its `--reporter` choices from these keys; file reporters are pure
 * functions of a RunResult, and writeReports is the only place that touches the disk.
 */
import { rmSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { RunResult } from '../src/model/result.js';
import { createConsoleReporter } from './console.js';
import { htmlReporter } from './html.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import { markdownReporter } from './markdown.js';

export interface FileReporter {
  readonly kind: 'file';
  /** File written into the output directory. */
  readonly fileName: string;
  render(result: RunResult): string;
}

/** The console reporter streams progress while the run goes on, so it is created, not rendered. */
export interface ConsoleReporterEntry {
  readonly kind: 'console';
  readonly create: typeof createConsoleReporter;
}

const consoleEntry: ConsoleReporterEntry = { kind: 'console', create: createConsoleReporter };

export const REPORTERS = {
  console: consoleEntry,
  junit: junitReporter satisfies FileReporter,
  html: htmlReporter satisfies FileReporter,
  json: jsonReporter satisfies FileReporter,
  markdown: markdownReporter satisfies FileReporter,
} as const;

export type ReporterName = keyof typeof REPORTERS;

/**
 * Render and write each named file reporter into outDir (created if needed); returns the written paths,
 * absolute, in the order asked. Names are deduplicated; `console` writes no file and is skipped here.
 * Every report is rendered before any is written, so a reporter that throws leaves no half-set of files.
 */
export async function writeReports(
  result: RunResult,
  names: readonly ReporterName[],
  outDir: string,
): Promise<string[]> {
  const files: Array<{ path: string; content: string }> = [];
  for (const name of new Set(names)) {
    const reporter = REPORTERS[name];
    if (reporter.kind !== 'file') continue;
    files.push({ path: resolve(outDir, reporter.fileName), content: reporter.render(result) });
  }
  if (files.length === 0) return [];
  await mkdir(outDir, { recursive: true });
  for (const file of files) await writeAtomically(file.path, file.content);
  return files.map((file) => file.path);
}

/**
 * A report is either the old file or the whole new one, never a part (a second Ctrl-C while reports are written
 * once left a 0-byte junit.xml): written to a temporary file in the same directory, then renamed over the target.
 */
async function writeAtomically(path: string, content: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  // A second Ctrl-C exits at once (src/cli/main.ts): the temporary file goes with the process.
  const removeOnExit = () => rmSync(temporary, { force: true });
  process.once('exit', removeOnExit);
  try {
    await writeFile(temporary, content, 'utf8');
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    process.off('exit', removeOnExit);
  }
}

export { createConsoleReporter } from './console.js';
export { renderMarkdown } from './markdown.js';
