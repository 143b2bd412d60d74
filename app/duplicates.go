package app

import (
	"context"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/duplicates"
)

// maxPairs is how many suggested pairs FindDuplicates returns; Total says
// how many there are.
const maxPairs = 500

// recentMerges is how many merges RecentMerges lists.
const recentMerges = 20

// DuplicatesService is bound to the front end: suggested duplicates, merge
// and undo.
type DuplicatesService struct {
	ctx    context.Context
	svc    *duplicates.Service
	events Emitter
}

// NewDuplicatesService wraps the duplicate use cases for the binding.
func NewDuplicatesService(ctx context.Context, svc *duplicates.Service, events Emitter) *DuplicatesService {
	return &DuplicatesService{ctx: ctx, svc: svc, events: events}
}

// FindDuplicates returns the suggested duplicate pairs, most certain first
// (at most 500; Total counts them all).
func (s *DuplicatesService) FindDuplicates() (DuplicateList, error) {
	pairs, err := s.svc.Find(s.ctx)
	if err != nil {
		return DuplicateList{}, err
	}
	out := DuplicateList{Pairs: []DuplicatePair{}, Total: len(pairs)}
	for _, p := range pairs[:min(len(pairs), maxPairs)] {
		a, err := s.svc.Contact(s.ctx, p.A)
		if err != nil {
			return DuplicateList{}, err
		}
		b, err := s.svc.Contact(s.ctx, p.B)
		if err != nil {
			return DuplicateList{}, err
		}
		out.Pairs = append(out.Pairs, DuplicatePair{A: toDupSide(a), B: toDupSide(b), Reasons: p.Reasons, Score: p.Score})
	}
	return out, nil
}

// Dismiss records that contacts a and b are not the same person; the pair
// is not suggested again.
func (s *DuplicatesService) Dismiss(a, b string) error {
	return s.svc.Dismiss(s.ctx, a, b)
}

// PreviewMerge returns both contacts and the record a merge of otherID into
// keepID with choices (field → "keep" | "other") would give.
func (s *DuplicatesService) PreviewMerge(keepID, otherID string, choices map[string]string) (MergePreview, error) {
	p, err := s.svc.Preview(s.ctx, keepID, otherID, choices)
	if err != nil {
		return MergePreview{}, err
	}
	merged := toContactDTO(crm.Contact{ID: p.Keep.ID, ContactFields: p.Merged, Version: p.Keep.Version, CreatedAt: p.Keep.CreatedAt, UpdatedAt: p.Keep.UpdatedAt})
	return MergePreview{Keep: toContactDTO(p.Keep), Other: toContactDTO(p.Other), Merged: merged, Fields: duplicates.ScalarFields()}, nil
}

// Merge merges contact otherID into keepID: keepID takes the merged fields,
// otherID is deleted (undo brings it back).
func (s *DuplicatesService) Merge(keepID, otherID string, choices map[string]string) (MergeResult, error) {
	c, m, err := s.svc.Merge(s.ctx, keepID, otherID, choices)
	if err != nil {
		return MergeResult{}, err
	}
	s.changed()
	return MergeResult{Contact: toContactDTO(c), MergeID: m.ID}, nil
}

// UndoMerge undoes a merge: both contacts as they were before. If the kept
// contact was edited since, it fails with merge_changed unless keepEdits,
// which restores only the merged-away contact and leaves the edit.
func (s *DuplicatesService) UndoMerge(mergeID string, keepEdits bool) (UndoMergeResult, error) {
	k, o, err := s.svc.Undo(s.ctx, mergeID, keepEdits)
	if err != nil {
		return UndoMergeResult{}, err
	}
	s.changed()
	return UndoMergeResult{Keep: toContactDTO(k), Other: toContactDTO(o)}, nil
}

// RecentMerges lists the latest merges, newest first.
func (s *DuplicatesService) RecentMerges() ([]MergeSummary, error) {
	ms, err := s.svc.Recent(s.ctx, recentMerges)
	if err != nil {
		return nil, err
	}
	out := make([]MergeSummary, len(ms))
	for i, m := range ms {
		out[i] = MergeSummary{ID: m.ID, KeepID: m.KeepBefore.ID, KeepName: m.KeepBefore.DisplayName(),
			OtherID: m.OtherBefore.ID, OtherName: m.OtherBefore.DisplayName(),
			CreatedAt: m.CreatedAt.UTC().Format(time.RFC3339), Undone: m.UndoneAt != nil}
	}
	return out, nil
}

func (s *DuplicatesService) changed() {
	s.events.Emit(EventContactsChanged)
	s.events.Emit(EventStatusChanged)
}

func toDupSide(c crm.Contact) DuplicateSide {
	return DuplicateSide{ContactSummary: toSummary(c), CreatedAt: c.CreatedAt.UTC().Format(time.RFC3339), Version: c.Version}
}
