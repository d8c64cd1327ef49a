import { BadRequestException } from '@nestjs/common';
import { IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { requestValidationPipe } from './validation';

class Contact {
  @IsString() name!: string;
}
class RegisterRequest {
  @IsString() name!: string;
  @IsInt() @Min(0) investment!: number;
  @ValidateNested() @Type(() => Contact) contact!: Contact;
}

async function rejection(body: unknown): Promise<Record<string, unknown>> {
  try {
    await requestValidationPipe().transform(body, { type: 'body', metatype: RegisterRequest });
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return (error as BadRequestException).getResponse() as Record<string, unknown>;
  }
  throw new Error('expected a 400');
}

describe('request validation', () => {
  it('answers 400 naming each bad field, nested ones by path, with the reason', async () => {
    const response = await rejection({ name: 1, investment: -5, contact: { name: 2 } });
    expect(response).toMatchObject({ statusCode: 400, message: '请求参数不合法 (invalid request)' });
    expect(response['issues']).toEqual(
      expect.arrayContaining([
        { field: 'name', reason: 'name must be a string' },
        { field: 'investment', reason: 'investment must not be less than 0' },
        { field: 'contact.name', reason: 'name must be a string' },
      ]),
    );
  });

  it('refuses fields the request does not define', async () => {
    const response = await rejection({ name: 'x', investment: 1, contact: { name: 'y' }, stage: 'IN_PRODUCTION' });
    expect(response['issues']).toEqual([{ field: 'stage', reason: 'property stage should not exist' }]);
  });

  it('passes a valid body through as an instance of the DTO', async () => {
    const value = await requestValidationPipe().transform({ name: 'x', investment: 1, contact: { name: 'y' } }, { type: 'body', metatype: RegisterRequest });
    expect(value).toBeInstanceOf(RegisterRequest);
  });
});
