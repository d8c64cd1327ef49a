import { Services } from '@devzone/contracts';
import { bootstrapService } from '@devzone/platform';
import { AppModule } from './app.module';

bootstrapService(AppModule, {
  service: Services.notifications,
  title: '通知 Notifications (notifications)',
  defaultPort: 3005,
}).catch((error) => {
  console.error(error);
  process.exit(1);
});
