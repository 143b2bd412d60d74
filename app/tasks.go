package app

import (
	"context"

	"fieldbook/backend/tasks"
)

// EventTasksChanged follows every change to tasks.
const EventTasksChanged = "tasks:changed"

// TasksService is bound to the front end: tasks (follow-ups) and their lists.
type TasksService struct {
	ctx    context.Context
	svc    *tasks.Service
	events Emitter
}

// NewTasksService wraps the task use cases for the binding.
func NewTasksService(ctx context.Context, svc *tasks.Service, events Emitter) *TasksService {
	return &TasksService{ctx: ctx, svc: svc, events: events}
}

func (s *TasksService) changed() {
	s.events.Emit(EventTasksChanged)
	s.events.Emit(EventStatusChanged)
}

// Tasks returns one task list.
func (s *TasksService) Tasks(q TaskQuery) ([]TaskDTO, error) {
	items, err := s.svc.List(s.ctx, q.List, q.ContactID)
	if err != nil {
		return nil, err
	}
	out := make([]TaskDTO, len(items))
	for i, it := range items {
		out[i] = toTaskDTO(it)
	}
	return out, nil
}

// CreateTask adds a task (to the default calendar when none is named).
func (s *TasksService) CreateTask(in TaskInput) (TaskDTO, error) {
	it, err := s.svc.Create(s.ctx, in.CalendarID, in.fields())
	if err != nil {
		return TaskDTO{}, err
	}
	s.changed()
	return toTaskDTO(it), nil
}

// UpdateTask saves an edit made to the given version of task id.
func (s *TasksService) UpdateTask(id string, version int, in TaskInput) (TaskDTO, error) {
	it, err := s.svc.Update(s.ctx, id, version, in.CalendarID, in.fields())
	if err != nil {
		return TaskDTO{}, err
	}
	if it.Version != version {
		s.changed()
	}
	return toTaskDTO(it), nil
}

// CompleteTask marks a task done, or open again with done false.
func (s *TasksService) CompleteTask(id string, version int, done bool) (TaskDTO, error) {
	it, err := s.svc.Complete(s.ctx, id, version, done)
	if err != nil {
		return TaskDTO{}, err
	}
	if it.Version != version {
		s.changed()
	}
	return toTaskDTO(it), nil
}

// DeleteTask deletes the given version of a task.
func (s *TasksService) DeleteTask(id string, version int) error {
	if err := s.svc.Delete(s.ctx, id, version); err != nil {
		return err
	}
	s.changed()
	return nil
}

// RestoreTask brings back a deleted task.
func (s *TasksService) RestoreTask(id string) (TaskDTO, error) {
	it, err := s.svc.Restore(s.ctx, id)
	if err != nil {
		return TaskDTO{}, err
	}
	s.changed()
	return toTaskDTO(it), nil
}
