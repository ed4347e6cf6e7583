/**
 * Whether the console reporter uses colour, and the few ANSI codes it uses. Plain SGR codes only: no
 * dependency, and nothing beyond the 8 basic colours so any terminal (and CI log viewers) renders them.
 */

/**
 * Decide colour from the environment, following https://no-color.org and the common FORCE_COLOR convention:
 * NO_COLOR set and non-empty → no colour, whatever else says; FORCE_COLOR set → colour (even in CI, whose
 * log viewers often render ANSI); CI → none; otherwise colour only on a terminal.
 * FORCE_COLOR=0 or "false" is read as "not forced", as most tools do.
 */
export function shouldUseColor(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '0' && force.toLowerCase() !== 'false') return true;
  if (env.CI !== undefined && env.CI !== '' && env.CI.toLowerCase() !== 'false') return false;
  return isTTY;
}

export type Paint = (text: string) => string;

export interface Palette {
  green: Paint;
  red: Paint;
  yellow: Paint;
  cyan: Paint;
  dim: Paint;
  bold: Paint;
}

function sgr(open: number, close: number): Paint {
  return (text) => `\u001b[${open}m${text}\u001b[${close}m`;
}

const identity: Paint = (text) => text;

export function palette(color: boolean): Palette {
  if (!color)
    return { green: identity, red: identity, yellow: identity, cyan: identity, dim: identity, bold: identity };
  return {
    green: sgr(32, 39),
    red: sgr(31, 39),
    yellow: sgr(33, 39),
    cyan: sgr(36, 39),
    dim: sgr(2, 22),
    bold: sgr(1, 22),
  };
}

/**
 * Remove escape sequences and other control characters from text that came from the target before it is
 * written to a terminal: a hostile response must not be able to move the cursor, retitle the window or
 * hide lines of the summary.
 */
export function stripControl(text: string): string {
  // Control characters are what these patterns are for.
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\uFFFD')
  );
}
