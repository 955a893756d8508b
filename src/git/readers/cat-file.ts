import type { ChildProcessWithoutNullStreams } from 'node:child_process';

import { GitCommandError, gitInvocation, spawnGit } from '../run-git.js';
import type { RepositoryLayout } from '../types.js';

/** An object as `git cat-file --batch` or `--batch-check` reports it. */
export interface CatFileObject {
  type: string;
  size: number;
  /** The content, or null from `--batch-check`, which prints only the header. */
  content: Buffer | null;
}

interface PendingRequest {
  name: string;
  resolve(object: CatFileObject | null): void;
  reject(error: Error): void;
}

const NEWLINE = 0x0a;

/**
 * One long-running `git cat-file --batch` (contents) or `--batch-check` (type and size only),
 * answering requests in the order they were written. Object names must not contain a newline;
 * the readers only send object ids.
 */
export class CatFileProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending: PendingRequest[] = [];
  /** Output not yet parsed, kept as chunks so a large blob is joined once, not per chunk. */
  private chunks: Buffer[] = [];
  private chunkBytes = 0;
  /** Bytes of output needed before the next reply can be parsed. */
  private needed = 1;
  private readonly command: string;
  private stderr = '';
  private exited = false;

  constructor(
    layout: RepositoryLayout,
    private readonly withContent: boolean,
  ) {
    const args = ['cat-file', withContent ? '--batch' : '--batch-check'];
    this.command = `git ${args.join(' ')}`;
    this.child = spawnGit(gitInvocation(layout, args));
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8');
    });
    this.child.on('error', (error) =>
      this.failAll(new GitCommandError(this.command, null, '', { cause: error })),
    );
    this.child.on('close', (code) => {
      this.exited = true;
      this.failAll(
        new GitCommandError(this.command, code, this.stderr, {
          reason: `an early exit (code ${code})`,
        }),
      );
    });
    // A write after git exited fails with EPIPE; the close handler reports the cause.
    this.child.stdin.on('error', () => {});
  }

  /** Returns the object, or null when the repository has no object by that name. */
  read(name: string): Promise<CatFileObject | null> {
    if (this.exited) {
      return Promise.reject(new GitCommandError(this.command, this.child.exitCode, this.stderr));
    }
    return new Promise((resolve, reject) => {
      this.pending.push({ name, resolve, reject });
      this.child.stdin.write(`${name}\n`);
    });
  }

  /** Ends the process by closing its input and waits for it to exit. */
  async close(): Promise<void> {
    if (this.exited) return;
    const closed = new Promise<void>((resolve) => this.child.once('close', () => resolve()));
    this.child.stdin.end();
    await closed;
  }

  private receive(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.chunkBytes += chunk.length;
    if (this.chunkBytes < this.needed) return;

    let buffered = this.chunks.length === 1 ? chunk : Buffer.concat(this.chunks, this.chunkBytes);
    for (;;) {
      const replyLength = this.pending.length > 0 ? this.takeOne(buffered) : 0;
      if (replyLength <= 0) {
        this.needed = -replyLength || buffered.length + 1;
        break;
      }
      buffered = buffered.subarray(replyLength);
    }
    this.chunks = buffered.length > 0 ? [buffered] : [];
    this.chunkBytes = buffered.length;
  }

  /**
   * Answers the oldest request from `buffered`. Returns the reply's length in bytes, or, when
   * the reply is incomplete, 0 or minus the number of bytes the whole reply needs.
   */
  private takeOne(buffered: Buffer): number {
    const lineEnd = buffered.indexOf(NEWLINE);
    if (lineEnd < 0) return 0;

    const header = buffered.toString('utf8', 0, lineEnd);
    const request = this.pending[0] as PendingRequest;
    const fields = header.split(' ');
    if (fields.length !== 3) {
      this.pending.shift();
      if (header.endsWith(' missing')) request.resolve(null);
      else
        request.reject(
          new GitCommandError(this.command, null, header, { reason: `the reply "${header}"` }),
        );
      return lineEnd + 1;
    }

    const size = Number(fields[2]);
    const contentStart = lineEnd + 1;
    // --batch follows the content with a newline; --batch-check prints only the header.
    const replyLength = this.withContent ? contentStart + size + 1 : contentStart;
    if (buffered.length < replyLength) return -replyLength;

    const content = this.withContent ? buffered.subarray(contentStart, contentStart + size) : null;
    this.pending.shift();
    request.resolve({ type: fields[1] as string, size, content });
    return replyLength;
  }

  private failAll(error: Error): void {
    for (const request of this.pending.splice(0)) request.reject(error);
  }
}
