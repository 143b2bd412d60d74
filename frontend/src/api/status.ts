import { invoke } from './backend';
import { raw } from './bindings';
import * as n from './normalize';
import type { Status } from './types';

export async function getStatus(): Promise<Status> {
  return n.status(await invoke<unknown>('StatusService', 'Status', () => raw.status.status()));
}
