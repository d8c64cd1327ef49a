import type { INestApplication, INestMicroservice } from '@nestjs/common';
import type { MicroserviceOptions, NestMicroservice } from '@nestjs/microservices';
import { KafkaInboxTransport } from './kafka-inbox.transport';
import { PassThroughRpcExceptionFilter } from './pass-through-rpc.filter';

/**
 * Connects the app's `@EventPattern` handlers to Kafka through the inbox
 * transport. Call before `app.init()`; `app.startAllMicroservices()` after it
 * starts consuming (topics exist by then: MessagingModule provisions them on init).
 */
export function connectInbox(app: INestApplication): INestMicroservice {
  // Deferred, so that the filter is registered before the handlers are; the
  // app's own init() runs the lifecycle hooks, the microservice must not run them again.
  const microservice = app.connectMicroservice<MicroserviceOptions>(
    { strategy: app.get(KafkaInboxTransport) },
    { deferInitialization: true },
  );
  microservice.useGlobalFilters(new PassThroughRpcExceptionFilter());
  (microservice as NestMicroservice).setIsInitHookCalled(true);
  return microservice;
}
