import { invoke } from './backend';
import { raw } from './bindings';
import * as n from './sellingNormalize';
import type { Owner, OwnerInput } from './sellingTypes';

const S = 'OwnersService';

export async function listOwners(): Promise<Owner[]> {
  return n.list(await invoke<unknown>(S, 'List', () => raw.owners.list()), n.owner);
}

/** The local profile ("me"). */
export async function getMe(): Promise<Owner> {
  return n.owner(await invoke<unknown>(S, 'Me', () => raw.owners.me()));
}

/** Creates (no id) or renames an owner; fails with owner_invalid. */
export async function saveOwner(input: OwnerInput): Promise<Owner> {
  return n.owner(await invoke<unknown>(S, 'SaveOwner', () => raw.owners.saveOwner(input)));
}

export async function setMe(id: string): Promise<void> {
  await invoke<unknown>(S, 'SetMe', () => raw.owners.setMe(id));
}

export async function deleteOwner(id: string): Promise<void> {
  await invoke<unknown>(S, 'DeleteOwner', () => raw.owners.deleteOwner(id));
}
