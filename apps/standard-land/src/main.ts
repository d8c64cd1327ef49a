import { Services } from '@devzone/contracts';
import { bootstrapService } from '@devzone/platform';
import { AppModule } from './app.module';

bootstrapService(AppModule, {
  service: Services.standardLand,
  title: '标准地 Standard land (standard-land)',
  defaultPort: 3003,
}).catch((error) => {
  console.error(error);
  process.exit(1);
});
