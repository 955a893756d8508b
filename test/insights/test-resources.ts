import { after } from 'node:test';

import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import {
  startFakeMessagesApi,
  type FakeMessagesApi,
  type ScriptedReply,
} from './fake-messages-api.js';

/** The repositories and fake Messages API servers of one test file. */
export interface TestResources {
  /** Starts a fake Messages API server with `replies`, closed after the file's tests. */
  serve(replies: ScriptedReply[]): Promise<FakeMessagesApi>;
  /** Creates a temporary repository, removed after the file's tests. */
  createRepo(): TempRepo;
}

/** Returns the resources of a test file and registers their cleanup after its tests. */
export function trackTestResources(): TestResources {
  const repos: TempRepo[] = [];
  const servers: FakeMessagesApi[] = [];
  after(async () => {
    for (const repo of repos) repo.cleanup();
    await Promise.all(servers.map((server) => server.close()));
  });

  return {
    async serve(replies) {
      const server = await startFakeMessagesApi(replies);
      servers.push(server);
      return server;
    },
    createRepo() {
      const repo = createTempRepo();
      repos.push(repo);
      return repo;
    },
  };
}
