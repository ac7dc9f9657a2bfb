/**
 * What the builder can connect: the triggers and actions declared by the
 * manifests of the workspace's enabled integrations.
 */
import { graphql } from '../graphql/generated';

export const AutomationSourcesDocument = graphql(`
  query AutomationSources($workspaceId: ID!) {
    workspace(id: $workspaceId) {
      id
      installations(first: 100) { edges { node { id state listing { name } version { manifest } } } }
    }
  }
`);

export interface MemberManifest {
  title?: string;
  description?: string;
  type?: string;
  input?: { properties?: Record<string, { title?: string; type?: string }>; required?: string[] };
  output?: unknown;
  sample?: unknown;
}

export interface Choice {
  installationId: string;
  integration: string;
  name: string;
  member: MemberManifest;
}

interface Manifest {
  triggers?: Record<string, MemberManifest>;
  actions?: Record<string, MemberManifest>;
}

interface InstallationNode {
  id: string;
  state: string;
  listing: { name: string };
  version: { manifest: unknown };
}

export function choicesOf(installations: InstallationNode[]): { triggers: Choice[]; actions: Choice[] } {
  const triggers: Choice[] = [];
  const actions: Choice[] = [];
  for (const inst of installations.filter((i) => i.state === 'ACTIVE')) {
    const manifest = (inst.version.manifest ?? {}) as Manifest;
    for (const [name, member] of Object.entries(manifest.triggers ?? {})) triggers.push({ installationId: inst.id, integration: inst.listing.name, name, member });
    for (const [name, member] of Object.entries(manifest.actions ?? {})) actions.push({ installationId: inst.id, integration: inst.listing.name, name, member });
  }
  return { triggers, actions };
}
