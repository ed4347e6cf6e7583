/**
 * Removes the bearer token from everything the client records, before the record exists. Reporters never see
 * the token because no recorded value contains it (see tests/robustness/secrets.test.ts).
 */
export const REDACTED = '[redacted]';

export function makeRedactor(token: string | undefined): (text: string) => string {
  if (!token) return (text) => text;
  const forms = [...new Set([token, encodeURIComponent(token), JSON.stringify(token).slice(1, -1)])]
    .filter((form) => form.length > 0)
    .sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
    return out;
  };
}
