/**
 * GraphQL client types, generated from the platform's SDL and the operations the
 * screens declare with `graphql(...)`. Run `npm run codegen -w marketplace-ui` after
 * changing either; src/graphql/generated-types.test.ts fails when the checked-in
 * output is stale.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

export const codegenConfig: CodegenConfig = {
  schema: '../schemas/graphql/schema.graphql',
  documents: ['src/**/*.tsx', 'src/**/*.ts', '!src/graphql/generated/**', '!src/**/*.test.ts'],
  ignoreNoDocuments: true,
  generates: {
    'src/graphql/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string', JSON: 'unknown', Upload: 'File' },
      },
    },
  },
};

export default codegenConfig;
