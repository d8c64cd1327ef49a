import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

/**
 * Cross-field rules for request DTOs, so that a 400 lists every bad field at
 * once together with the single-field rules.
 */

/** This date (YYYY-MM-DD) is on or after the sibling property's date. */
export function IsOnOrAfter(property: string, options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: `isOnOrAfter_${property}`,
      target: target.constructor,
      propertyName,
      constraints: [property],
      options: { message: (a: ValidationArguments) => `${a.property} 不能早于 ${a.constraints[0]} (${a.property} must not be before ${a.constraints[0]})`, ...options },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const other = (args.object as Record<string, unknown>)[args.constraints[0]];
          return typeof value !== 'string' || typeof other !== 'string' || value >= other;
        },
      },
    });
}

/** This number is at most the sibling property's number. */
export function IsAtMost(property: string, options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: `isAtMost_${property}`,
      target: target.constructor,
      propertyName,
      constraints: [property],
      options: { message: (a: ValidationArguments) => `${a.property} 不能大于 ${a.constraints[0]} (${a.property} must not exceed ${a.constraints[0]})`, ...options },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const other = (args.object as Record<string, unknown>)[args.constraints[0]];
          return typeof value !== 'number' || typeof other !== 'number' || value <= other;
        },
      },
    });
}

/** A predicate over the value, with a zh/en message: the hook for domain checks (credit codes, …). */
export function Satisfies(check: (value: unknown) => boolean, message: string | ((value: unknown) => string), options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'satisfies',
      target: target.constructor,
      propertyName,
      options: { message: (a: ValidationArguments) => (typeof message === 'function' ? message(a.value) : message), ...options },
      validator: { validate: (value: unknown) => check(value) },
    });
}
