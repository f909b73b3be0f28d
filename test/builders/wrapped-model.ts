// Wraps a system model for a test, leaving its behaviour alone: every message a node receives is
// shown to `onDelivery` first, and every operation a node records in the history to `onHistory`
// (both with the true time). Runs through the real simulator: resolve `system.model: wrapped` to
// the result with resolverWith().

import type { HistoryOperation, NodeContext, SystemModel } from '../../src/model/api.js';
import { builtinModelNames, loadBuiltinModel } from '../../src/models/registry.js';
import { createModelResolver, type ModelResolver } from '../../src/scenario/resolve-model.js';

export interface ModelWrapping {
  onDelivery?(node: string, from: string, message: unknown, trueUs: number): void;
  onHistory?(node: string, operation: HistoryOperation, trueUs: number): void;
}

export function wrapModel<C, S>(inner: SystemModel<C, S>, wrapping: ModelWrapping): SystemModel<C, S> {
  let trueNowUs: () => number = () => 0;
  return {
    ...inner,
    name: 'wrapped',
    createShared(config, setup) {
      trueNowUs = () => setup.oracle.nowUs();
      return inner.createShared(config, setup);
    },
    createNode(ctx, config, shared) {
      const history = {
        record(operation: HistoryOperation) {
          wrapping.onHistory?.(ctx.nodeName, operation, trueNowUs());
          ctx.history.record(operation);
        },
      };
      const behaviour = inner.createNode(replaceMember(ctx, 'history', history), config, shared);
      if (behaviour === null) return null;
      return {
        ...behaviour,
        onMessage(from, message) {
          wrapping.onDelivery?.(ctx.nodeName, from, message, trueNowUs());
          behaviour.onMessage?.(from, message);
        },
      };
    },
  };
}

function replaceMember<K extends keyof NodeContext>(ctx: NodeContext, member: K, replacement: NodeContext[K]): NodeContext {
  return new Proxy(ctx, {
    get(target, property) {
      if (property === member) return replacement;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The built-in models, and `wrapped` for the given one. */
export function resolverWith(wrapped: SystemModel<any, any>): ModelResolver {
  return createModelResolver((name) => (name === 'wrapped' ? (wrapped as SystemModel) : loadBuiltinModel(name)), builtinModelNames);
}
