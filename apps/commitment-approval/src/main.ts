import { Services } from '@devzone/contracts';
import { bootstrapService } from '@devzone/platform';
import { AppModule } from './app.module';

bootstrapService(AppModule, {
  service: Services.commitmentApproval,
  title: '承诺制审批 Commitment-based approval (commitment-approval)',
  defaultPort: 3002,
}).catch((error) => {
  console.error(error);
  process.exit(1);
});
