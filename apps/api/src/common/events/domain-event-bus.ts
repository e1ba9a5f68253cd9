import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A typed domain event: a class per kind, so subscribers name what they react to and the compiler checks the payload. */
export abstract class DomainEvent {
  abstract readonly type: string;
}

type EventClass<E extends DomainEvent> = abstract new (...args: never[]) => E;
export type DomainEventHandler<E extends DomainEvent> = (event: E, manager: EntityManager) => Promise<void> | void;

/**
 * Modules tell each other what happened instead of calling each other (issue 18; Vendure's EventBus is the model).
 * Unlike Vendure's, publishing is synchronous inside the publisher's transaction: a subscriber's writes (the SLA
 * module's clocks after a transition) commit or roll back with the change that caused them, so a complaint can never
 * be in a state its clocks do not know about. Handlers run in the order they subscribed; a failing handler fails the
 * change, which is then refused as a whole. Work that must not hold the transaction (mail, plugins' webhooks) goes
 * through the outbox as before.
 */
@Injectable()
export class DomainEventBus {
  private readonly handlers = new Map<EventClass<DomainEvent>, DomainEventHandler<DomainEvent>[]>();

  subscribe<E extends DomainEvent>(type: EventClass<E>, handler: DomainEventHandler<E>): () => void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler as DomainEventHandler<DomainEvent>);
    this.handlers.set(type, list);
    return () => {
      const index = list.indexOf(handler as DomainEventHandler<DomainEvent>);
      if (index >= 0) list.splice(index, 1);
    };
  }

  async publish(event: DomainEvent, manager: EntityManager): Promise<void> {
    const list = this.handlers.get(event.constructor as EventClass<DomainEvent>);
    if (!list) return;
    for (const handler of [...list]) await handler(event, manager);
  }
}
