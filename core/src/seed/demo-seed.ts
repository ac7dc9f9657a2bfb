/**
 * Idempotent demo data for the embedded database: a customer workspace, a
 * first-party publisher, a developer, a reviewer and an admin. Running it twice
 * changes nothing; the marker row and unique keys make the second run a no-op.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { platformSettings } from '../db/schema/audit.js';
import { publisherMembers, publishers, users, workspaceMembers, workspaces } from '../db/schema/identity.js';
import { hashPassword } from '../identity/passwords.js';

export const DEMO_PASSWORD = 'demo';
const MARKER = 'demo_seeded_at';

export interface DemoLogin {
  role: string;
  email: string;
  password: string;
}

const DEMO_USERS = [
  { key: 'customer', email: 'customer@demo.nudgecampaign.test', name: 'Casey Customer', platformRole: null },
  { key: 'developer', email: 'developer@demo.nudgecampaign.test', name: 'Devi Developer', platformRole: null },
  { key: 'reviewer', email: 'reviewer@demo.nudgecampaign.test', name: 'Rui Reviewer', platformRole: 'reviewer' },
  { key: 'admin', email: 'admin@demo.nudgecampaign.test', name: 'Ada Admin', platformRole: 'admin' },
] as const;

export function demoLogins(): DemoLogin[] {
  return DEMO_USERS.map((u) => ({ role: u.key, email: u.email, password: DEMO_PASSWORD }));
}

/** Returns true when it seeded, false when the demo was already there. */
export async function seedDemo(db: Db): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(platformSettings)
      .values({ key: MARKER, value: new Date().toISOString() })
      .onConflictDoNothing()
      .returning({ key: platformSettings.key });
    if (claimed.length === 0) return false;

    const ids: Record<string, string> = {};
    for (const u of DEMO_USERS) {
      await tx
        .insert(users)
        .values({ email: u.email, name: u.name, passwordHash, platformRole: u.platformRole })
        .onConflictDoNothing();
      const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.email, u.email));
      ids[u.key] = row!.id;
    }

    await tx.insert(workspaces).values({ slug: 'acme-store', name: 'Acme Store' }).onConflictDoNothing();
    const [ws] = await tx.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, 'acme-store'));
    await tx
      .insert(workspaceMembers)
      .values({ workspaceId: ws!.id, userId: ids.customer!, role: 'admin' })
      .onConflictDoNothing();

    await tx
      .insert(publishers)
      .values([
        { slug: 'nudgecampaign', name: 'NudgeCampaign', verified: true, website: 'https://nudgecampaign.com' },
        { slug: 'acme-dev', name: 'Acme Developer Studio', verified: false },
      ])
      .onConflictDoNothing();
    const [dev] = await tx.select({ id: publishers.id }).from(publishers).where(eq(publishers.slug, 'acme-dev'));
    await tx
      .insert(publisherMembers)
      .values({ publisherId: dev!.id, userId: ids.developer!, role: 'owner' })
      .onConflictDoNothing();
    return true;
  });
}
