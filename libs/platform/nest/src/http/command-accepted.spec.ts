import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { ApiOkResponse, DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandResult } from '@meridian/platform/eventsourcing';
import { CommandAcceptedType, commandAccepted } from './command-accepted';

class OrderAccepted extends CommandAcceptedType('orderId') {}

@Controller('orders')
class OrdersController {
  @Get()
  @ApiOkResponse({ type: OrderAccepted })
  accept(): void {}
}

@Module({ controllers: [OrdersController] })
class OrdersModule {}

const documentedSchemaOf = async (name: string) => {
  const app = await NestFactory.create(OrdersModule, new FastifyAdapter(), { logger: false });
  try {
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    return document.components?.schemas?.[name] as { properties: Record<string, unknown>; required: string[] };
  } finally {
    await app.close();
  }
};

const replyRecordingHeaders = () => {
  const headers: Record<string, string> = {};
  const reply = { header: (name: string, value: string) => ((headers[name] = value), reply) };
  return { headers, reply: reply as unknown as FastifyReply };
};

const result = (replayed: boolean): CommandResult => ({ streamId: 'order-7f3c', revision: 4, position: 1042, appended: [], replayed });

describe('command answers', () => {
  it('are documented under the subclass name, the stream id first, then revision, position and replayed', async () => {
    const schema = await documentedSchemaOf('OrderAccepted');
    expect(Object.keys(schema.properties)).toEqual(['orderId', 'revision', 'position', 'replayed']);
    expect(schema.required).toEqual(['orderId', 'revision', 'position', 'replayed']);
    expect(schema.properties['orderId']).toEqual({ type: 'string', format: 'uuid' });
  });

  it('send the revision as a weak ETag and report where the events landed', () => {
    const { headers, reply } = replyRecordingHeaders();
    expect(commandAccepted(reply, result(false))).toEqual({ revision: 4, position: 1042, replayed: false });
    expect(headers).toEqual({ ETag: 'W/"4"' });
  });

  it('mark an Idempotency-Key replay', () => {
    const { headers, reply } = replyRecordingHeaders();
    expect(commandAccepted(reply, result(true))).toMatchObject({ replayed: true });
    expect(headers).toEqual({ ETag: 'W/"4"', 'Idempotent-Replayed': 'true' });
  });
});
