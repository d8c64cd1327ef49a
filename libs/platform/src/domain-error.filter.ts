import { Catch, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { IdentityProviderUnavailable } from '@devzone/auth';
import { DomainError } from '@devzone/shared-kernel';
import type { HttpReply } from './http-reply';

const STATUS = { invalid: HttpStatus.BAD_REQUEST, forbidden: HttpStatus.FORBIDDEN, 'not-found': HttpStatus.NOT_FOUND, refused: HttpStatus.CONFLICT } as const;
const ERROR = { invalid: 'Bad Request', forbidden: 'Forbidden', 'not-found': 'Not Found', refused: 'Conflict' } as const;

/**
 * Domain errors as HTTP answers: invalid → 400 (naming the field, in the same
 * shape as request validation), forbidden → 403, not found → 404, refused → 409. The message is
 * zh-CN first with English alongside.
 */
@Catch(DomainError)
export class DomainErrorFilter implements ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const response = host.switchToHttp().getResponse<HttpReply>();
    const status = STATUS[error.kind];
    response.status(status).send({
      statusCode: status,
      error: ERROR[error.kind],
      code: error.code,
      message: error.message,
      ...(error.kind === 'invalid' && error.field ? { issues: [{ field: error.field, reason: error.message }] } : {}),
    });
  }
}

/** The identity provider cannot be reached (creating an account, verifying a token): 503 with Retry-After, nothing changed. */
@Catch(IdentityProviderUnavailable)
export class IdentityProviderUnavailableFilter implements ExceptionFilter {
  private readonly logger = new Logger('IdentityProvider');
  catch(error: IdentityProviderUnavailable, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    this.logger.error(error.message);
    host
      .switchToHttp()
      .getResponse<HttpReply>()
      .status(HttpStatus.SERVICE_UNAVAILABLE)
      .header('Retry-After', '5')
      .send({ statusCode: 503, error: 'Service Unavailable', code: 'identity-provider-unavailable', message: '统一身份认证服务暂不可用，请稍后再试 (the identity provider cannot be reached)' });
  }
}
