import { Plugin } from '@nestjs/apollo';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { performance } from 'node:perf_hooks';
import { MetricsService } from './metrics.service';

/**
 * The operation label: the root fields asked for (schema names, not aliases — the label set stays as small as the
 * schema), or `(invalid)` when the document never resolved. Client-chosen operation names would be unbounded.
 */
export function operationLabel(operation: OperationDefinitionNode | undefined): string {
  if (!operation) return '(invalid)';
  const names = new Set<string>();
  for (const selection of operation.selectionSet.selections) {
    names.add(selection.kind === Kind.FIELD ? selection.name.value : '(fragment)');
  }
  const sorted = [...names].sort();
  return sorted.length > 3 ? `${operation.operation}:multiple` : sorted.join('+');
}

/** Counts and times every GraphQL request by operation and outcome; counts accepted intakes. */
@Plugin()
export class MetricsPlugin implements ApolloServerPlugin {
  constructor(private readonly metrics: MetricsService) {}

  async requestDidStart(): Promise<GraphQLRequestListener<Record<string, unknown>>> {
    const started = performance.now();
    return {
      willSendResponse: async ({ response, operation }) => {
        const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
        const code = body?.errors?.[0]?.extensions?.code;
        const outcome = body?.errors?.length ? String(code ?? 'INTERNAL') : 'ok';
        this.metrics.observe(operationLabel(operation), outcome, (performance.now() - started) / 1000);
        const data = body?.data as Record<string, unknown> | null | undefined;
        if (operation?.operation === 'mutation' && data) {
          for (const selection of operation.selectionSet.selections) {
            if (
              selection.kind === Kind.FIELD &&
              selection.name.value === 'submitComplaint' &&
              data[selection.alias?.value ?? 'submitComplaint']
            )
              this.metrics.intake.inc();
          }
        }
      },
    };
  }
}
