package app

import (
	"context"
	"encoding/base64"
	"fmt"
	"path/filepath"
	"strings"

	"fieldbook/backend/activities"
	"fieldbook/backend/crm"
)

// EventActivitiesChanged follows every change to an activity.
const EventActivitiesChanged = "activities:changed"

// LocalUser gives the local user's owner profile (owners.Service).
type LocalUser interface {
	Me(ctx context.Context) (crm.Owner, error)
}

// ActivitiesService is bound to the front end: the interaction timeline.
type ActivitiesService struct {
	ctx    context.Context
	svc    *activities.Service
	me     LocalUser
	events Emitter
	// leadChanged rescores a lead whose activities changed (engagement
	// rules count them); nil when leads are not wired.
	leadChanged func(leadID string) error
}

// NewActivitiesService wraps the activities use cases for the binding; an
// activity logged without an owner belongs to the local user (me.Me).
func NewActivitiesService(ctx context.Context, svc *activities.Service, me LocalUser, events Emitter) *ActivitiesService {
	return &ActivitiesService{ctx: ctx, svc: svc, me: me, events: events}
}

// rescore recomputes the score of lead leadID ("" or no leads: nothing).
// The activity is saved either way; a failed rescore is retried by the
// next change of the lead or its rules.
func (s *ActivitiesService) rescore(leadID string) {
	if leadID == "" || s.leadChanged == nil {
		return
	}
	_ = s.leadChanged(leadID)
}

func (s *ActivitiesService) owner(id string) (string, error) {
	if strings.TrimSpace(id) != "" {
		return id, nil
	}
	me, err := s.me.Me(s.ctx)
	if err != nil {
		return "", fmt.Errorf("app: the local user: %w", err)
	}
	return me.ID, nil
}

func (s *ActivitiesService) input(in ActivityInput) (crm.ActivityFields, error) {
	f, err := in.fields()
	if err != nil {
		return f, err
	}
	f.OwnerID, err = s.owner(f.OwnerID)
	return f, err
}

// Log records an activity.
func (s *ActivitiesService) Log(in ActivityInput) (Activity, error) {
	f, err := s.input(in)
	if err != nil {
		return Activity{}, err
	}
	a, err := s.svc.Log(s.ctx, f)
	if err != nil {
		return Activity{}, err
	}
	s.events.Emit(EventActivitiesChanged)
	s.rescore(a.LeadID)
	return toActivityDTO(crm.ActivityView{Activity: a}), nil
}

// Update saves an edit made to the given version of activity id.
func (s *ActivitiesService) Update(id string, version int, in ActivityInput) (Activity, error) {
	f, err := s.input(in)
	if err != nil {
		return Activity{}, err
	}
	before, _ := s.svc.Get(s.ctx, id) // its lead, rescored too when the activity moves away
	a, err := s.svc.Update(s.ctx, id, version, f)
	if err != nil {
		return Activity{}, err
	}
	if a.Version != version {
		s.events.Emit(EventActivitiesChanged)
		s.rescore(a.LeadID)
		if before.LeadID != a.LeadID {
			s.rescore(before.LeadID)
		}
	}
	return toActivityDTO(crm.ActivityView{Activity: a}), nil
}

// Delete removes an activity (Restore undoes it).
func (s *ActivitiesService) Delete(id string) error {
	before, _ := s.svc.Get(s.ctx, id)
	if err := s.svc.Delete(s.ctx, id); err != nil {
		return err
	}
	s.events.Emit(EventActivitiesChanged)
	s.rescore(before.LeadID)
	return nil
}

// Restore brings back a deleted activity.
func (s *ActivitiesService) Restore(id string) (Activity, error) {
	a, err := s.svc.Restore(s.ctx, id)
	if err != nil {
		return Activity{}, err
	}
	s.events.Emit(EventActivitiesChanged)
	s.rescore(a.LeadID)
	return toActivityDTO(crm.ActivityView{Activity: a}), nil
}

// Timeline returns one page of a timeline, newest first.
func (s *ActivitiesService) Timeline(req TimelineRequest) (TimelinePage, error) {
	q := crm.TimelineQuery{ContactID: req.ContactID, CompanyID: req.CompanyID, LeadID: req.LeadID, DealID: req.DealID,
		OwnerID: req.OwnerID, Before: req.Before, Limit: req.Limit}
	for _, k := range req.Kinds {
		q.Kinds = append(q.Kinds, crm.ActivityKind(k))
	}
	page, err := s.svc.Timeline(s.ctx, q)
	if err != nil {
		return TimelinePage{}, err
	}
	out := TimelinePage{Items: make([]Activity, len(page.Items)), Next: page.Next}
	for i, v := range page.Items {
		out.Items[i] = toActivityDTO(v)
	}
	return out, nil
}

// LogEmail logs the message file fileName (an .eml, its bytes in base64)
// as an e-mail activity of contactID, owned by the local user. A message
// logged on the contact before comes back with AlreadyLogged set.
func (s *ActivitiesService) LogEmail(contactID, fileName, dataBase64 string) (LoggedEmail, error) {
	if ext := strings.ToLower(filepath.Ext(fileName)); ext != ".eml" {
		return LoggedEmail{}, crm.FieldError(crm.CodeEMLInvalid, "file", fmt.Sprintf("%s is not an e-mail message file (.eml)", filepath.Base(fileName)))
	}
	if base64.StdEncoding.DecodedLen(len(dataBase64)) > activities.MaxEMLSize+3 {
		return LoggedEmail{}, crm.FieldError(crm.CodeEMLInvalid, "file", fmt.Sprintf("%s is larger than %d MB", filepath.Base(fileName), activities.MaxEMLSize>>20))
	}
	data, err := base64.StdEncoding.DecodeString(dataBase64)
	if err != nil {
		return LoggedEmail{}, crm.FieldError(crm.CodeEMLInvalid, "file", "the file did not arrive intact")
	}
	owner, err := s.owner("")
	if err != nil {
		return LoggedEmail{}, err
	}
	a, created, err := s.svc.LogEmail(s.ctx, contactID, owner, data)
	if err != nil {
		return LoggedEmail{}, err
	}
	if created {
		s.events.Emit(EventActivitiesChanged)
	}
	return LoggedEmail{Activity: toActivityDTO(crm.ActivityView{Activity: a}), AlreadyLogged: !created}, nil
}
