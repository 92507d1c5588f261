import type { PathParamRule } from '@meridian/platform/nest';
import { lineRule, referenceRule } from '@meridian/platform/nest';

/** Contact ids are chosen by clients (or derived): opaque, bounded and printable, like every reference. */
export const contactIdPathParam: PathParamRule = referenceRule;

/** A tag as typed (the domain trims and lower-cases it). */
export const tagPathParam: PathParamRule = lineRule(64);
