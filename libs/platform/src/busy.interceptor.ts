import { HttpStatus, ServiceUnavailableException, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { HttpReply } from './http-reply';
import { catchError, throwError, type Observable } from 'rxjs';

/** What pg-pool says when no connection frees up within connectionTimeoutMillis (libs/persistence). */
const POOL_EXHAUSTED = 'timeout exceeded when trying to connect';

export const isPoolExhausted = (error: unknown): boolean => error instanceof Error && error.message === POOL_EXHAUSTED;

/**
 * Every database connection busy for longer than the pool waits (a burst of heavy
 * reads): 503 with Retry-After and a reason, instead of an anonymous 500.
 * Nothing was changed — the request never got a connection.
 */
export class DatabaseBusyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (!isPoolExhausted(error) || context.getType() !== 'http') return throwError(() => error);
        context.switchToHttp().getResponse<HttpReply>().header('Retry-After', '2');
        return throwError(
          () =>
            new ServiceUnavailableException({
              statusCode: HttpStatus.SERVICE_UNAVAILABLE,
              error: 'Service Unavailable',
              code: 'database-busy',
              message: '服务繁忙，请稍后再试 (every database connection is busy)',
            }),
        );
      }),
    );
  }
}
