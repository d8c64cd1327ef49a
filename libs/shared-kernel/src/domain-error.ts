/**
 * An error the domain raises on purpose, with its message in Chinese for the
 * user and English for the engineer. Pure: the HTTP layer maps the kind to a
 * status (invalid → 400, forbidden → 403, not-found → 404, refused → 409).
 */
export type DomainErrorKind = 'invalid' | 'forbidden' | 'not-found' | 'refused';

export interface Message {
  zh: string;
  en: string;
}

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly kind: DomainErrorKind,
    /** A stable machine-readable code, e.g. 'stage-refused'. */
    readonly code: string,
    readonly text: Message,
    /** The request field at fault, for 'invalid'. */
    readonly field?: string,
  ) {
    super(`${text.zh} (${text.en})`);
  }

  static invalid(field: string, text: Message, code = 'invalid'): DomainError {
    return new DomainError('invalid', code, text, field);
  }

  static forbidden(text: Message, code = 'forbidden'): DomainError {
    return new DomainError('forbidden', code, text);
  }

  static notFound(text: Message, code = 'not-found'): DomainError {
    return new DomainError('not-found', code, text);
  }

  static refused(text: Message, code = 'refused'): DomainError {
    return new DomainError('refused', code, text);
  }
}
