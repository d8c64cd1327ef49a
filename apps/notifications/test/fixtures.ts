import type { ProjectSignedV1 } from '@devzone/contracts';
import { projectSignedPayload } from '@devzone/testing';

/** project.signed of the notifications tests' project, with one contact (its account's subject when it has one). */
export const signedProject = (contact: { email: string; mobile: string; userId?: string }, name = '年产5万吨新型建材项目'): ProjectSignedV1 =>
  projectSignedPayload({ name, contacts: [{ name: '张伟', mobile: contact.mobile, email: contact.email, ...(contact.userId ? { userId: contact.userId } : {}) }] });
