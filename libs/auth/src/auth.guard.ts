import { createParamDecorator, HttpException, HttpStatus, Injectable, Logger, SetMetadata, type CanActivate, type ExecutionContext, type OnApplicationBootstrap } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Principal, Role } from './principal';
import { AuthError, type TokenVerifier } from './tokens';

export const PUBLIC_ROUTE = 'devzone:public';
/** Marks a route (or controller) that needs no token: health, metrics. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

export const ROLES_KEY = 'devzone:roles';
/**
 * The roles that may call a route at all (403 for the others). Which objects a
 * permitted role reaches is the service's business: a foreign one is 404.
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** What the guard reads of a request, under Fastify or Express: its headers (lower-case names), and the principal it sets. */
export interface HttpRequestLike {
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}
type WithPrincipal = HttpRequestLike;

/**
 * The global guard: every HTTP route needs a valid bearer token unless marked
 * @Public(). 401 for a missing or refused token, 403 for a role the route
 * does not admit (an unreachable identity provider: IdentityProviderUnavailable, 503).
 */
@Injectable()
export class AuthGuard implements CanActivate, OnApplicationBootstrap {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  onApplicationBootstrap(): void {
    this.verifier.warmUp().catch((error: unknown) => this.logger.warn(`identity provider not reachable yet: ${(error as Error).message}`));
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true; // Kafka handlers: events are validated as contracts
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<WithPrincipal>();
    const raw = request.headers['authorization'];
    const header = (Array.isArray(raw) ? raw[0] : raw) ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw unauthorized('请先登录（缺少 Authorization: Bearer 身份凭证）', 'missing bearer token');
    try {
      request.principal = await this.verifier.verify(match[1]);
    } catch (error) {
      if (error instanceof AuthError) throw unauthorized(error.text.zh, error.text.en);
      throw error; // IdentityProviderUnavailable: 503 (libs/platform's filter)
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (roles && !roles.includes(request.principal.role)) {
      throw new HttpException({ statusCode: 403, error: 'Forbidden', code: 'role', message: `当前角色无权进行此操作 (the role ${request.principal.role} may not do this)` }, HttpStatus.FORBIDDEN);
    }
    return true;
  }
}

function unauthorized(zh: string, en: string): HttpException {
  return new HttpException({ statusCode: 401, error: 'Unauthorized', message: `${zh} (${en})` }, HttpStatus.UNAUTHORIZED);
}

export function principalOf(request: HttpRequestLike): Principal {
  const p = request.principal;
  if (!p) throw new Error('no principal on this request: is the route public?');
  return p;
}

/** The caller, from the verified token. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext) => principalOf(context.switchToHttp().getRequest<HttpRequestLike>()));
