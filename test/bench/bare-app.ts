import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLModule, Query, Resolver } from '@nestjs/graphql';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';

@Resolver()
class PingResolver {
  @Query(() => String)
  ping(): string {
    return 'pong';
  }
}

@Module({
  imports: [GraphQLModule.forRoot<ApolloDriverConfig>({ driver: ApolloDriver, autoSchemaFile: true, csrfPrevention: true })],
  providers: [PingResolver],
})
class BareModule {}

/**
 * The framework ceiling: Nest + Apollo answering a constant, no auth, no database — on Fastify (what the API
 * uses) or on Express (the default Nest adapter, measured to justify the choice).
 */
export async function startBareApp(platform: 'fastify' | 'express' = 'fastify'): Promise<{ url: string; close: () => Promise<void> }> {
  const app =
    platform === 'fastify'
      ? await NestFactory.create<NestFastifyApplication>(BareModule, new FastifyAdapter(), { logger: false })
      : await NestFactory.create(BareModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
