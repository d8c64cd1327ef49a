import { Services } from '@devzone/contracts';
import { bootstrapService } from '@devzone/platform';
import { AppModule } from './app.module';

bootstrapService(AppModule, {
  service: Services.projectIntake,
  title: '项目库与全生命周期 Project register and lifecycle (project-intake)',
  defaultPort: 3001,
}).catch((error) => {
  console.error(error);
  process.exit(1);
});
