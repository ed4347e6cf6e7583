/**
 * The reporter registry. The CLI derives its `--reporter` choices from these keys; file reporters are pure
 * functions of a RunResult, and writeReports is the only place that touches the disk.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
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

export const REPORTER_NAMES = Object.keys(REPORTERS) as ReporterName[];

export function isReporterName(name: string): name is ReporterName {
  return Object.prototype.hasOwnProperty.call(REPORTERS, name);
}

/**
 * Render and write each named file reporter into outDir (created if needed); returns the written paths,
 * absolute, in the order asked. Names are deduplicated; `console` writes no file and is skipped here.
 * Every report is rendered before any is written, so a reporter that throws leaves no half-set of files.
 */
export async function writeReports(result: RunResult, names: readonly ReporterName[], outDir: string): Promise<string[]> {
  const files: Array<{ path: string; content: string }> = [];
  for (const name of new Set(names)) {
    const reporter = REPORTERS[name];
    if (reporter.kind !== 'file') continue;
    files.push({ path: resolve(outDir, reporter.fileName), content: reporter.render(result) });
  }
  if (files.length === 0) return [];
  await mkdir(outDir, { recursive: true });
  for (const file of files) await writeFile(file.path, file.content, 'utf8');
  return files.map((file) => file.path);
}

export { createConsoleReporter } from './console.js';
export type { ConsoleReporter, ConsoleReporterOptions, ProgressTest, StartInfo } from './console.js';
export { shouldUseColor } from './shared/color.js';
export { renderMarkdown } from './markdown.js';
