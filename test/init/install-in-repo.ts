import path from 'node:path';
import { installHooks, type InstallReport } from '../../src/init/install.js';
import { gitTestEnv, projectRoot, type TempRepo } from '../helpers/repo.js';

/** Installs footprint's hooks into a test repository, with this checkout as the package. */
export function installInRepo(repo: TempRepo): Promise<InstallReport> {
  return installHooks({
    cwd: repo.dir,
    env: gitTestEnv(),
    packageRoot: projectRoot,
    footprintBin: path.join(projectRoot, 'bin', 'footprint.js'),
    node: process.execPath,
  });
}
