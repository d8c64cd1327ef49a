import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

/**
 * Nest's default RPC filter replaces a handler's error with "Internal server
 * error". The inbox needs the real error to decide between retry and dead
 * letter and to put it in the dead letter, so the messaging microservice uses
 * this filter instead.
 */
@Catch()
export class PassThroughRpcExceptionFilter implements RpcExceptionFilter {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
