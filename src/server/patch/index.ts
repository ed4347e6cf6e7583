/**
 * The PATCH engine of the reference server (RFC 7644 §3.5.2 plus every Entra shape in catalog §4, §5, §7).
 * @see https://datatracker.ietf.org/doc/html/rfc7644#section-3.5.2
 */
export { applyPatch, type PatchOptions } from './apply.js';
export { readOperations, type OperationName, type PatchOperation } from './envelope.js';
export { parsePatchPath, type AttributeTarget, type ExtensionTarget, type PatchTarget } from './path.js';
