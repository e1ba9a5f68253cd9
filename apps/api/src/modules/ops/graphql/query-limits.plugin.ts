import { Inject } from '@nestjs/common';
import { Plugin } from '@nestjs/apollo';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { performance } from 'node:perf_hooks';
import { APP_CONFIG } from '../../../config/config.module';
import type { AppConfig } from '../../../config/config';
import type { RequestWithAuth } from '../../../common/auth/auth-context';
import { AuthService } from '../../auth/auth.service';
import { OpsErrors } from '../ops.exception';
import { assertAffordable, isIntrospection } from './query-limits';

interface GraphQLContext {
  req?: RequestWithAuth;
}

/**
 * Holds every operation to the configured limits once its variables are known: cost and page size before
 * execution, introspection by who asks, and a wall-time budget checked before each field of a query resolves — a
 * query past its budget fails its remaining fields at once instead of holding the event loop.
 */
@Plugin()
export class QueryLimitsPlugin implements ApolloServerPlugin<GraphQLContext> {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthService,
  ) {}

  async requestDidStart(): Promise<GraphQLRequestListener<GraphQLContext>> {
    const limits = this.config.graphql;
    const started = performance.now();
    const deadline = started + limits.timeBudgetMs;
    return {
      didResolveOperation: async ({ document, schema, request, operationName, contextValue }) => {
        if (isIntrospection(document) && !(await this.mayIntrospect(contextValue))) {
          throw OpsErrors.create('INTROSPECTION_DISABLED', { httpStatus: 403 });
        }
        assertAffordable({ schema, document, operationName, variables: request.variables }, limits);
      },
      // Queries only: a mutation past the budget has done its work, and failing its result fields would tell the
      // client that a committed change (an accepted complaint) failed.
      executionDidStart: async ({ operation }) =>
        operation.operation !== 'query'
          ? undefined
          : {
              willResolveField: () => {
                if (performance.now() > deadline) throw OpsErrors.create('TIME_BUDGET_EXCEEDED', { params: { max: limits.timeBudgetMs } });
              },
            },
    };
  }

  private async mayIntrospect(context: GraphQLContext): Promise<boolean> {
    const mode = this.config.graphql.introspection;
    if (mode !== 'signed-in') return mode === 'on';
    const request = context.req;
    const header = request?.headers['authorization'];
    const value = Array.isArray(header) ? header[0] : header;
    if (!request || !value) return false;
    try {
      // Same as the roles guard: the credential is checked once per request and kept.
      request.auth ??= await this.auth.authenticate(value);
      return true;
    } catch {
      return false;
    }
  }
}
