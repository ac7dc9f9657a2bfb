/**
 * Query depth, cost and page-size limits, checked before execution with the
 * request's variables. Cost counts every selected field, multiplied by the
 * page size of each enclosing list (`first`, or its default; 10 for plain
 * lists), so a nested paginated query costs what it could fetch.
 */
import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  valueFromAST,
  type DocumentNode,
  type GraphQLError,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from '../graphql-js.js';
import type { Plugin } from 'graphql-yoga';
import { apiError, GRAPHQL_ERROR_CODES } from '../graphql-errors.js';
import { MAX_PAGE_SIZE } from '../pagination.js';

export interface QueryLimits {
  maxDepth: number;
  /** Introspection (__schema, __type) nests type references, so it gets its own depth. */
  maxIntrospectionDepth: number;
  maxCost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 10, maxIntrospectionDepth: 16, maxCost: 10_000 };
const PLAIN_LIST_FACTOR = 10;

interface Measure {
  depth: number;
  introspectionDepth: number;
  cost: number;
}

class Measurer {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
  ) {}

  private firstArg(field: FieldNode, def: GraphQLField<unknown, unknown>): number | undefined {
    const argDef = def.args.find((a) => a.name === 'first');
    if (!argDef) return undefined;
    const node = field.arguments?.find((a) => a.name.value === 'first');
    const value = node ? valueFromAST(node.value, argDef.type, this.variables) : argDef.defaultValue;
    return typeof value === 'number' ? value : 0;
  }

  measure(selectionSet: SelectionSetNode, parent: GraphQLNamedType, seen: Set<string>, inIntrospection: boolean): Measure {
    const total: Measure = { depth: 0, introspectionDepth: 0, cost: 0 };
    for (const selection of selectionSet.selections) {
      let child: Measure;
      if (selection.kind === Kind.FIELD) {
        child = this.field(selection, parent, seen, inIntrospection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? (this.schema.getType(selection.typeCondition.name.value) ?? parent) : parent;
        child = this.measure(selection.selectionSet, type, seen, inIntrospection);
      } else {
        const fragment = this.fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        const type = this.schema.getType(fragment.typeCondition.name.value) ?? parent;
        child = this.measure(fragment.selectionSet, type, new Set([...seen, fragment.name.value]), inIntrospection);
      }
      total.depth = Math.max(total.depth, child.depth);
      total.introspectionDepth = Math.max(total.introspectionDepth, child.introspectionDepth);
      total.cost += child.cost;
    }
    return total;
  }

  private field(field: FieldNode, parent: GraphQLNamedType, seen: Set<string>, inIntrospection: boolean): Measure {
    const name = field.name.value;
    const introspection = inIntrospection || name === '__schema' || name === '__type';
    const def = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
    if (!def || !field.selectionSet) {
      return { depth: introspection ? 0 : 1, introspectionDepth: introspection ? 1 : 0, cost: introspection || name === '__typename' ? 0 : 1 };
    }
    const first = this.firstArg(field, def);
    if (first !== undefined && first > MAX_PAGE_SIZE) {
      throw apiError(GRAPHQL_ERROR_CODES.PAGE_SIZE_EXCEEDED, `"first" on ${name} is ${first}; the maximum page size is ${MAX_PAGE_SIZE}. Page with "after".`, { max: MAX_PAGE_SIZE });
    }
    // A connection's `edges` are already bounded by the `first` of the field that returned it.
    const factor = first ?? (name !== 'edges' && isListType(getNullableType(def.type)) ? PLAIN_LIST_FACTOR : 1);
    const inner = this.measure(field.selectionSet, getNamedType(def.type), seen, introspection);
    return {
      depth: introspection ? 0 : inner.depth + 1,
      introspectionDepth: introspection ? inner.introspectionDepth + 1 : inner.introspectionDepth,
      cost: introspection ? 0 : 1 + factor * inner.cost,
    };
  }
}

export function measureOperation(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): Measure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return { depth: 0, introspectionDepth: 0, cost: 0 };
  return new Measurer(schema, fragments, variables).measure(operation.selectionSet, root, new Set(), false);
}

/** Throws a coded GraphQL error when the operation is too deep or too costly. */
export function assertWithinLimits(limits: QueryLimits, schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): Measure {
  const m = measureOperation(schema, document, operation, variables);
  if (m.depth > limits.maxDepth || m.introspectionDepth > limits.maxIntrospectionDepth) {
    throw apiError(GRAPHQL_ERROR_CODES.QUERY_TOO_DEEP, `The query nests ${Math.max(m.depth, m.introspectionDepth)} levels deep; the limit is ${limits.maxDepth} (${limits.maxIntrospectionDepth} for introspection).`, {
      depth: m.depth,
      maxDepth: limits.maxDepth,
    });
  }
  if (m.cost > limits.maxCost) {
    throw apiError(GRAPHQL_ERROR_CODES.QUERY_TOO_COSTLY, `The query could fetch about ${m.cost} fields; the limit is ${limits.maxCost}. Ask for smaller pages or fewer nested lists.`, {
      cost: m.cost,
      maxCost: limits.maxCost,
    });
  }
  return m;
}

/** The yoga plugin that applies the limits to every operation before it runs. */
export function useQueryLimits(limits: QueryLimits = DEFAULT_QUERY_LIMITS): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const document = args.document as DocumentNode;
      const operation = document.definitions.find(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!args.operationName || d.name?.value === args.operationName),
      );
      if (!operation) return;
      try {
        assertWithinLimits(limits, args.schema, document, operation, (args.variableValues ?? {}) as Record<string, unknown>);
      } catch (err) {
        setResultAndStopExecution({ errors: [err as GraphQLError] });
      }
    },
  };
}
