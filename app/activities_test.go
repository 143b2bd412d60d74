package app

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"fieldbook/backend/crm"
)

func TestActivitiesDTOsUseTheAgreedJSONNames(t *testing.T) {
	input := []string{"kind", "occurredAt", "durationMinutes", "outcome", "subject", "body", "contactId", "companyId", "leadId", "dealId", "ownerId"}
	for name, c := range map[string]struct {
		v    any
		want []string
	}{
		"ActivityInput":   {ActivityInput{}, sorted(input...)},
		"Activity":        {Activity{}, sorted(append(slices.Clone(input), "id", "version", "contactName", "companyName", "email", "createdAt", "updatedAt")...)},
		"EmailMetaDTO":    {EmailMetaDTO{}, sorted("from", "to", "cc", "messageId", "date")},
		"TimelineRequest": {TimelineRequest{}, sorted("contactId", "companyId", "leadId", "dealId", "kinds", "ownerId", "before", "limit")},
		"TimelinePage":    {TimelinePage{}, sorted("items", "next")},
		"LoggedEmail":     {LoggedEmail{}, sorted("activity", "alreadyLogged")},
	} {
		if got := jsonKeys(t, c.v); !slices.Equal(got, c.want) {
			t.Errorf("%s JSON names = %v; want %v", name, got, c.want)
		}
	}
}

func TestActivitiesServiceLogTimelineEmailAndEvents(t *testing.T) {
	ev := &recorder{}
	s := openServicesWith(t, filepath.Join(t.TempDir(), "a.db"), ev)
	ann, err := s.Contacts.Create(ContactInput{GivenName: "Ann", Company: "Acme"})
	if err != nil {
		t.Fatal(err)
	}
	me, err := s.Owners.Me()
	if err != nil || me.ID == "" {
		t.Fatal(me, err)
	}
	ev.take()
	call, err := s.Activities.Log(ActivityInput{Kind: "call", OccurredAt: "2026-11-20T10:00:00+01:00", DurationMinutes: 12,
		Outcome: "connected", Subject: "Pricing", ContactID: ann.ID})
	if err != nil {
		t.Fatal(err)
	}
	if call.OccurredAt != "2026-11-20T09:00:00Z" || call.OwnerID != me.ID || call.CompanyID == "" || call.Email != nil {
		t.Fatalf("logged %+v", call)
	}
	if got := ev.take(); !slices.Equal(got, []string{EventActivitiesChanged}) {
		t.Fatalf("events after log = %v", got)
	}
	if _, err := s.Activities.Log(ActivityInput{Kind: "call", OccurredAt: "yesterday", Subject: "x", ContactID: ann.ID}); crm.ErrorCode(err) != crm.CodeInvalidInput {
		t.Errorf("a bad time: %v", err)
	}
	eml, err := os.ReadFile(filepath.Join("..", "backend", "activities", "testdata", "plain_ascii.eml"))
	if err != nil {
		t.Fatal(err)
	}
	data := base64.StdEncoding.EncodeToString(eml)
	got, err := s.Activities.LogEmail(ann.ID, "Quote.EML", data)
	if err != nil || got.AlreadyLogged || got.Activity.Kind != "email" || got.Activity.Email == nil ||
		got.Activity.Email.From != "Ann Lee <ann@acme.test>" || got.Activity.Email.Date != "2026-11-17T13:05:09Z" {
		t.Fatalf("log e-mail = %+v, %v", got, err)
	}
	if again, err := s.Activities.LogEmail(ann.ID, "Quote.eml", data); err != nil || !again.AlreadyLogged || again.Activity.ID != got.Activity.ID {
		t.Fatalf("the same e-mail again = %+v, %v", again, err)
	}
	for name, c := range map[string][2]string{
		"not .eml":   {"photo.jpg", data},
		"bad base64": {"x.eml", "%%%"},
		"not e-mail": {"x.eml", base64.StdEncoding.EncodeToString([]byte("hello"))},
	} {
		if _, err := s.Activities.LogEmail(ann.ID, c[0], c[1]); crm.ErrorCode(err) != crm.CodeEMLInvalid {
			t.Errorf("%s: %v", name, err)
		}
	}
	page, err := s.Activities.Timeline(TimelineRequest{CompanyID: call.CompanyID, Limit: 10})
	if err != nil || len(page.Items) != 2 || page.Items[0].ID != call.ID || page.Items[1].Kind != "email" ||
		page.Items[0].ContactName != "Ann" || page.Items[0].CompanyName != "Acme" || page.Next != "" {
		t.Fatalf("company timeline = %+v, %v", page, err)
	}
	calls, err := s.Activities.Timeline(TimelineRequest{Kinds: []string{"email"}, Limit: 1})
	if err != nil || len(calls.Items) != 1 || calls.Items[0].Kind != "email" || calls.Items[0].Email.To == nil {
		t.Fatalf("e-mails = %+v, %v", calls, err)
	}
	ev.take()
	in := call.ActivityInput
	in.Outcome = "left voicemail"
	u, err := s.Activities.Update(call.ID, call.Version, in)
	if err != nil || u.Version != 2 || u.Outcome != "left voicemail" {
		t.Fatalf("update = %+v, %v", u, err)
	}
	if err := s.Activities.Delete(call.ID); err != nil {
		t.Fatal(err)
	}
	if r, err := s.Activities.Restore(call.ID); err != nil || r.Version != 4 {
		t.Fatalf("restore = %+v, %v", r, err)
	}
	if got := ev.take(); !slices.Equal(got, []string{EventActivitiesChanged, EventActivitiesChanged, EventActivitiesChanged}) {
		t.Fatalf("events after update, delete, restore = %v", got)
	}
}
