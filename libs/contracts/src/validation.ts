import type { ValidationError } from 'class-validator';

/** One thing wrong with a message or a request: the field (dotted path) and why. */
export interface FieldIssue {
  field: string;
  reason: string;
}

/** Flattens class-validator's error tree into `{ field: 'a.b[0].c', reason }` rows. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const error of errors) {
    const field = prefix
      ? /^\d+$/.test(error.property)
        ? `${prefix}[${error.property}]`
        : `${prefix}.${error.property}`
      : error.property;
    for (const reason of Object.values(error.constraints ?? {})) {
      issues.push({ field, reason });
    }
    if (error.children?.length) {
      issues.push(...flattenValidationErrors(error.children, field));
    }
  }
  return issues;
}
