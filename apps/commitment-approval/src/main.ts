import { bootstrapService } from '@devzone/platform';
import { AppModule, SERVICE } from './app.module';

bootstrapService(AppModule, SERVICE).catch((error) => {
  console.error(error);
  process.exit(1);
});
