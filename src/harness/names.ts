/**
 * Names of everything a run creates. Each starts with the run marker `scimc-<runId>` so that it never collides
 * with, matches or touches data the run did not create, and `scim-conformance cleanup` can find leftovers.
 */
let counter = 0;

export function runMarker(runId: string): string {
  return `scimc-${runId}`;
}

export class Names {
  constructor(readonly runId: string) {}

  private next(): string {
    counter += 1;
    return `${counter.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  }

  /** A userName shaped like an Entra userPrincipalName. */
  userName(label = 'user'): string {
    return `${runMarker(this.runId)}-${label}-${this.next()}@conformance.example.com`;
  }

  externalId(): string {
    return `${runMarker(this.runId)}-ext-${this.next()}`;
  }

  groupName(label = 'group'): string {
    return `${runMarker(this.runId)} ${label} ${this.next()}`;
  }

  /** A value guaranteed to match nothing on the target (Entra's Test Connection uses a random GUID). */
  absent(): string {
    return `${runMarker(this.runId)}-absent-${crypto.randomUUID()}`;
  }
}
