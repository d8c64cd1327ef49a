import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { flattenValidationErrors } from '@devzone/contracts';

/**
 * Every request body, query and parameter is validated against its DTO:
 * unknown fields are refused, and a 400 names each bad field with the reason.
 *   { statusCode: 400, error: 'Bad Request', message: '请求参数不合法 (invalid request)',
 *     issues: [{ field: 'enterprise.creditCode', reason: '…' }] }
 */
export function requestValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    exceptionFactory: (errors: ValidationError[]) =>
      new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: '请求参数不合法 (invalid request)',
        issues: flattenValidationErrors(errors),
      }),
  });
}
