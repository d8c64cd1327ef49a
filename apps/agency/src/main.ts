import { Services } from '@devzone/contracts';
import { bootstrapService } from '@devzone/platform';
import { AppModule } from './app.module';

bootstrapService(AppModule, {
  service: Services.agency,
  title: '全代办 Full agency service (agency)',
  defaultPort: 3004,
}).catch((error) => {
  console.error(error);
  process.exit(1);
});
