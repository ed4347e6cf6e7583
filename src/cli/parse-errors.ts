/**
 * The one line the CLI says about arguments it could not read: the first sentence of a node:util parseArgs error,
 * the first issue of a zod check of the options.
 */
import type { z } from 'zod';

/** "Unknown option '--urll'": parseArgs appends advice about "--" that a one-line error leaves out. */
export function firstSentence(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const [line = ''] = message.split('\n');
  const [sentence = ''] = line.split('. ');
  return sentence.replace(/\.$/, '');
}

/** The first issue of a failed safeParse, and the option it is about (`path[0]`) when it names one. */
export function firstIssue(error: z.ZodError): { key?: string; message: string } {
  const [issue] = error.issues;
  if (!issue) return { message: error.message };
  const [key] = issue.path;
  return { ...(key === undefined ? {} : { key: String(key) }), message: issue.message };
}
