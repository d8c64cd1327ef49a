import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { actorOf, principalOf, type HttpRequestLike } from '@devzone/auth';

/** Who is acting (the verified token's subject and role), recorded on every event and timeline entry. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext) => actorOf(principalOf(context.switchToHttp().getRequest<HttpRequestLike>())));
