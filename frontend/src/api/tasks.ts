import { invoke } from './backend';
import { raw } from './bindings';
import * as n from './calendarNormalize';
import type { Task, TaskInput, TaskQuery } from './calendarTypes';

const S = 'TasksService';

export async function listTasks(q: TaskQuery): Promise<Task[]> {
  const query: TaskQuery = q.contactId ? { list: q.list, contactId: q.contactId } : { list: q.list };
  return n.list(await invoke<unknown>(S, 'Tasks', () => raw.tasks.tasks(query)), n.task);
}

/** Fails with task_invalid (no title, or a due date it cannot read). */
export async function createTask(input: TaskInput): Promise<Task> {
  return n.task(await invoke<unknown>(S, 'CreateTask', () => raw.tasks.createTask(input)));
}

/** `version` must be the one the edit started from, else version_conflict. */
export async function updateTask(id: string, version: number, input: TaskInput): Promise<Task> {
  return n.task(await invoke<unknown>(S, 'UpdateTask', () => raw.tasks.updateTask(id, version, input)));
}

/** Marks the task done (or open again). */
export async function completeTask(id: string, version: number, done: boolean): Promise<Task> {
  return n.task(await invoke<unknown>(S, 'CompleteTask', () => raw.tasks.completeTask(id, version, done)));
}

export async function deleteTask(id: string, version: number): Promise<void> {
  await invoke<unknown>(S, 'DeleteTask', () => raw.tasks.deleteTask(id, version));
}

export async function restoreTask(id: string): Promise<void> {
  await invoke<unknown>(S, 'RestoreTask', () => raw.tasks.restoreTask(id));
}
