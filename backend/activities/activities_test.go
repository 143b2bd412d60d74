package activities_test

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"fieldbook/backend/activities"
	"fieldbook/backend/contacts"
	"fieldbook/backend/crm"
	"fieldbook/backend/store"
)

type tick struct{ t time.Time }

func (c *tick) Now() time.Time { c.t = c.t.Add(time.Second); return c.t }

type fixture struct {
	ctx    context.Context
	db     *store.DB
	acts   *activities.Service
	people *contacts.Service
}

func setup(t testing.TB) fixture {
	t.Helper()
	clock := &tick{t: time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)}
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "a.db"), store.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return fixture{ctx: context.Background(), db: db, acts: activities.New(db, clock), people: contacts.New(db, clock)}
}

func (f fixture) contact(t testing.TB, given, company string) crm.Contact {
	t.Helper()
	c, err := f.people.Create(f.ctx, crm.ContactFields{GivenName: given, Company: company})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

var base = time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC)

func TestNormalize(t *testing.T) {
	ok := crm.ActivityFields{Kind: "Call ", OccurredAt: base.In(time.FixedZone("x", 3600)), Subject: "  Intro \t call ", ContactID: "c1", DurationMinutes: 15}
	got, err := activities.Normalize(ok)
	if err != nil || got.Kind != crm.ActivityCall || got.Subject != "Intro call" || got.OccurredAt.Location() != time.UTC || !got.OccurredAt.Equal(base) {
		t.Fatalf("normalize = %+v, %v", got, err)
	}
	for name, tc := range map[string]struct {
		edit  func(*crm.ActivityFields)
		field string
	}{
		"unknown kind":     {func(f *crm.ActivityFields) { f.Kind = "fax" }, "kind"},
		"no time":          {func(f *crm.ActivityFields) { f.OccurredAt = time.Time{} }, "occurredAt"},
		"negative minutes": {func(f *crm.ActivityFields) { f.DurationMinutes = -1 }, "durationMinutes"},
		"over a week":      {func(f *crm.ActivityFields) { f.DurationMinutes = activities.MaxDurationMinutes + 1 }, "durationMinutes"},
		"no text":          {func(f *crm.ActivityFields) { f.Subject, f.Body = " ", "\n\t" }, "subject"},
		"about nothing":    {func(f *crm.ActivityFields) { f.ContactID = " " }, "contactId"},
	} {
		f := ok
		tc.edit(&f)
		_, err := activities.Normalize(f)
		e, isErr := err.(*crm.Error)
		if !isErr || e.Code != crm.CodeInvalidInput || e.Field != tc.field {
			t.Errorf("%s: err %v; want invalid_input on %s", name, err, tc.field)
		}
	}
	// A body alone is enough, and any one link will do.
	for _, f := range []crm.ActivityFields{
		{Kind: crm.ActivityNote, OccurredAt: base, Body: "text", LeadID: "l1"},
		{Kind: crm.ActivityNote, OccurredAt: base, Body: "text", DealID: "d1"},
		{Kind: crm.ActivityNote, OccurredAt: base, Body: "text", CompanyID: "co1"},
	} {
		if _, err := activities.Normalize(f); err != nil {
			t.Errorf("%+v: %v", f, err)
		}
	}
}

func TestLogFillsTheCompanyAndChecksLinks(t *testing.T) {
	f := setup(t)
	ann := f.contact(t, "Ann", "Acme")
	if ann.CompanyID == "" {
		t.Fatal("the contact has no company")
	}
	a, err := f.acts.Log(f.ctx, crm.ActivityFields{Kind: crm.ActivityCall, OccurredAt: base, Subject: "Intro", ContactID: ann.ID, OwnerID: "me"})
	if err != nil {
		t.Fatal(err)
	}
	if a.CompanyID != ann.CompanyID || a.Version != 1 {
		t.Fatalf("logged %+v; want company %s", a, ann.CompanyID)
	}
	got, err := f.acts.Get(f.ctx, a.ID)
	if err != nil || !reflect.DeepEqual(got, a) {
		t.Fatalf("stored\n%+v\nwant\n%+v (%v)", got, a, err)
	}
	if _, err := f.acts.Log(f.ctx, crm.ActivityFields{Kind: crm.ActivityCall, OccurredAt: base, Subject: "x", ContactID: "nobody"}); crm.ErrorCode(err) != crm.CodeNotFound {
		t.Errorf("unknown contact: %v", err)
	}
	if _, err := f.acts.Log(f.ctx, crm.ActivityFields{Kind: crm.ActivityCall, OccurredAt: base, Subject: "x", CompanyID: "nothing"}); crm.ErrorCode(err) != crm.CodeNotFound {
		t.Errorf("unknown company: %v", err)
	}
}

func TestUpdateDeleteRestore(t *testing.T) {
	f := setup(t)
	ann := f.contact(t, "Ann", "Acme")
	a, err := f.acts.Log(f.ctx, crm.ActivityFields{Kind: crm.ActivityCall, OccurredAt: base, Subject: "Intro", ContactID: ann.ID})
	if err != nil {
		t.Fatal(err)
	}
	edit := a.ActivityFields
	edit.CompanyID = "" // the form does not send it: the contact's company stays
	edit.Outcome, edit.DurationMinutes = "left voicemail", 3
	u, err := f.acts.Update(f.ctx, a.ID, 1, edit)
	if err != nil || u.Version != 2 || u.Outcome != "left voicemail" || u.DurationMinutes != 3 || u.CompanyID != ann.CompanyID {
		t.Fatalf("update = %+v, %v", u, err)
	}
	same, err := f.acts.Update(f.ctx, a.ID, 2, edit)
	if err != nil || same.Version != 2 {
		t.Fatalf("a no-op update moved the version: %+v %v", same, err)
	}
	edit.Outcome = "connected"
	if _, err := f.acts.Update(f.ctx, a.ID, 1, edit); crm.ErrorCode(err) != crm.CodeVersionConflict {
		t.Fatalf("stale update: %v", err)
	}
	if err := f.acts.Delete(f.ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if err := f.acts.Delete(f.ctx, a.ID); crm.ErrorCode(err) != crm.CodeNotFound {
		t.Errorf("second delete: %v", err)
	}
	page, err := f.acts.Timeline(f.ctx, crm.TimelineQuery{ContactID: ann.ID, Limit: 10})
	if err != nil || len(page.Items) != 0 {
		t.Fatalf("timeline after delete = %+v, %v", page, err)
	}
	if _, err := f.acts.Update(f.ctx, a.ID, 3, edit); crm.ErrorCode(err) != crm.CodeNotFound {
		t.Errorf("update of a deleted activity: %v", err)
	}
	r, err := f.acts.Restore(f.ctx, a.ID)
	if err != nil || r.DeletedAt != nil || r.Version != 4 {
		t.Fatalf("restore = %+v, %v", r, err)
	}
	if page, _ := f.acts.Timeline(f.ctx, crm.TimelineQuery{ContactID: ann.ID, Limit: 10}); len(page.Items) != 1 {
		t.Fatalf("timeline after restore has %d items", len(page.Items))
	}
}

func ids(p crm.TimelinePage) []string {
	out := make([]string, len(p.Items))
	for i, v := range p.Items {
		out[i] = v.Subject
	}
	return out
}

func TestTimelinePagesNewestFirstByKeyset(t *testing.T) {
	f := setup(t)
	ann := f.contact(t, "Ann", "")
	// Five at one instant (ordered by id) and five at distinct times.
	var want []string
	for i := 0; i < 10; i++ {
		at := base.Add(time.Duration(i) * time.Hour)
		if i < 5 {
			at = base
		}
		a, err := f.acts.Log(f.ctx, crm.ActivityFields{Kind: crm.ActivityNote, OccurredAt: at, Subject: string(rune('a' + i)), ContactID: ann.ID})
		if err != nil {
			t.Fatal(err)
		}
		want = append([]string{a.Subject}, want...)
	}
	var got []string
	cursor := ""
	for pages := 0; ; pages++ {
		p, err := f.acts.Timeline(f.ctx, crm.TimelineQuery{ContactID: ann.ID, Limit: 3, Before: cursor})
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, ids(p)...)
		if p.Next == "" {
			if pages != 3 {
				t.Errorf("%d pages; want 4", pages+1)
			}
			break
		}
		cursor = p.Next
		// A row logged between pages, older than the cursor, still shows
		// up once; one newer than the cursor does not repeat the page.
		if pages == 0 {
			if _, err := f.acts.Log(f.ctx, crm.ActivityFields{Kind: crm.ActivityNote, OccurredAt: base.Add(time.Hour * 100), Subject: "late", ContactID: ann.ID}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("paged %v; want %v", got, want)
	}
	if _, err := f.acts.Timeline(f.ctx, crm.TimelineQuery{Before: "garbage", Limit: 3}); crm.ErrorCode(err) != crm.CodeInvalidInput {
		t.Errorf("bad cursor: %v", err)
	}
	for _, q := range []crm.TimelineQuery{{Limit: 0}, {Limit: activities.MaxPage + 1}, {ContactID: "a", CompanyID: "b", Limit: 1}, {Kinds: []crm.ActivityKind{"fax"}, Limit: 1}} {
		if _, err := f.acts.Timeline(f.ctx, q); crm.ErrorCode(err) != crm.CodeInvalidInput {
			t.Errorf("%+v: %v", q, err)
		}
	}
}

func TestCompanyTimelineRollsUpItsPeopleAndFilters(t *testing.T) {
	f := setup(t)
	ann := f.contact(t, "Ann", "Acme")
	bob := f.contact(t, "Bob", "Acme")
	eve := f.contact(t, "Eve", "Other")
	log := func(subject string, kind crm.ActivityKind, h int, fl crm.ActivityFields) crm.Activity {
		fl.Kind, fl.Subject, fl.OccurredAt = kind, subject, base.Add(time.Duration(h)*time.Hour)
		a, err := f.acts.Log(f.ctx, fl)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	log("ann call", crm.ActivityCall, 1, crm.ActivityFields{ContactID: ann.ID, OwnerID: "o1"})
	log("company note", crm.ActivityNote, 2, crm.ActivityFields{CompanyID: ann.CompanyID, OwnerID: "o2"})
	log("bob visit", crm.ActivityVisit, 3, crm.ActivityFields{ContactID: bob.ID, OwnerID: "o1"})
	log("eve call", crm.ActivityCall, 4, crm.ActivityFields{ContactID: eve.ID, OwnerID: "o1"})
	log("lead call", crm.ActivityCall, 5, crm.ActivityFields{LeadID: "lead-1"})
	log("deal meeting", crm.ActivityMeeting, 6, crm.ActivityFields{DealID: "deal-1", CompanyID: ann.CompanyID})
	// Bob's activity logged before he joined: the roll-up follows his
	// current company.
	carl := f.contact(t, "Carl", "")
	log("carl email", crm.ActivityEmail, 7, crm.ActivityFields{ContactID: carl.ID})
	carl.Company = "Acme"
	if _, err := f.people.Update(f.ctx, carl.ID, carl.Version, carl.ContactFields); err != nil {
		t.Fatal(err)
	}

	for name, tc := range map[string]struct {
		q    crm.TimelineQuery
		want []string
	}{
		"company":        {crm.TimelineQuery{CompanyID: ann.CompanyID}, []string{"carl email", "deal meeting", "bob visit", "company note", "ann call"}},
		"company calls":  {crm.TimelineQuery{CompanyID: ann.CompanyID, Kinds: []crm.ActivityKind{crm.ActivityCall, crm.ActivityVisit}}, []string{"bob visit", "ann call"}},
		"contact":        {crm.TimelineQuery{ContactID: ann.ID}, []string{"ann call"}},
		"lead":           {crm.TimelineQuery{LeadID: "lead-1"}, []string{"lead call"}},
		"deal":           {crm.TimelineQuery{DealID: "deal-1"}, []string{"deal meeting"}},
		"all":            {crm.TimelineQuery{}, []string{"carl email", "deal meeting", "lead call", "eve call", "bob visit", "company note", "ann call"}},
		"all calls":      {crm.TimelineQuery{Kinds: []crm.ActivityKind{crm.ActivityCall}}, []string{"lead call", "eve call", "ann call"}},
		"owner o1":       {crm.TimelineQuery{OwnerID: "o1"}, []string{"eve call", "bob visit", "ann call"}},
		"owner o1 visit": {crm.TimelineQuery{OwnerID: "o1", Kinds: []crm.ActivityKind{crm.ActivityVisit}}, []string{"bob visit"}},
	} {
		tc.q.Limit = 50
		p, err := f.acts.Timeline(f.ctx, tc.q)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got := ids(p); !reflect.DeepEqual(got, tc.want) || p.Next != "" {
			t.Errorf("%s: %v (next %q); want %v", name, got, p.Next, tc.want)
		}
	}
	// The company roll-up pages too, without repeats.
	var got []string
	cursor := ""
	for {
		p, err := f.acts.Timeline(f.ctx, crm.TimelineQuery{CompanyID: ann.CompanyID, Limit: 2, Before: cursor})
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, ids(p)...)
		if cursor = p.Next; cursor == "" {
			break
		}
	}
	if want := []string{"carl email", "deal meeting", "bob visit", "company note", "ann call"}; !reflect.DeepEqual(got, want) {
		t.Errorf("company pages %v; want %v", got, want)
	}
	// Names for display.
	p, _ := f.acts.Timeline(f.ctx, crm.TimelineQuery{ContactID: bob.ID, Limit: 1})
	if p.Items[0].ContactName != "Bob" || p.Items[0].CompanyName != "Acme" {
		t.Errorf("names %q %q", p.Items[0].ContactName, p.Items[0].CompanyName)
	}
}

func TestLogEmail(t *testing.T) {
	f := setup(t)
	ann := f.contact(t, "Ann", "Acme")
	a, created, err := f.acts.LogEmail(f.ctx, ann.ID, "me", readFixture(t, "mixed_attachment.eml"))
	if err != nil || !created {
		t.Fatal(err, created)
	}
	if a.Kind != crm.ActivityEmail || a.Subject != "Minutes of the visit" || a.CompanyID != ann.CompanyID || a.OwnerID != "me" ||
		!a.OccurredAt.Equal(time.Date(2026, 11, 20, 16, 45, 0, 0, time.UTC)) {
		t.Fatalf("logged %+v", a)
	}
	if want := "Plain version of the minutes.\nNext visit in January.\n\nAttachments: Protokoll München.pdf, фото.png"; a.Body != want {
		t.Errorf("body %q; want %q", a.Body, want)
	}
	stored, err := f.acts.Get(f.ctx, a.ID)
	if err != nil || stored.Email == nil || stored.Email.MessageID != "<minutes@acme.test>" || stored.Email.From != "Ann Lee <ann@acme.test>" ||
		!reflect.DeepEqual(stored.Email.To, []string{"bob@fieldbook.test"}) {
		t.Fatalf("stored e-mail %+v, %v", stored.Email, err)
	}
	again, created, err := f.acts.LogEmail(f.ctx, ann.ID, "me", readFixture(t, "mixed_attachment.eml"))
	if err != nil || created || again.ID != a.ID {
		t.Fatalf("the same message again: %v %v %v", again.ID, created, err)
	}
	// Without a Date the message is logged now.
	nd, _, err := f.acts.LogEmail(f.ctx, ann.ID, "", readFixture(t, "no_date.eml"))
	if err != nil || nd.OccurredAt.IsZero() || nd.OccurredAt.Year() != 2026 {
		t.Fatalf("no date: %+v %v", nd, err)
	}
	if _, _, err := f.acts.LogEmail(f.ctx, ann.ID, "", []byte("BEGIN:VCARD\r\nEND:VCARD\r\n")); crm.ErrorCode(err) != crm.CodeEMLInvalid {
		t.Errorf("a vCard as e-mail: %v", err)
	}
}
