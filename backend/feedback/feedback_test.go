package feedback_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fieldbook/backend/contacts"
	"fieldbook/backend/crm"
	"fieldbook/backend/feedback"
	"fieldbook/backend/store"
)

type tick struct{ t time.Time }

func (c *tick) Now() time.Time { c.t = c.t.Add(time.Second); return c.t }

func setup(t *testing.T) (*feedback.Service, *contacts.Service, *tick) {
	t.Helper()
	clock := &tick{t: time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)}
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "f.db"), store.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return feedback.New(db, clock), contacts.New(db, clock), clock
}

func TestNormalizeRefusesWhatIsNotAnAnswer(t *testing.T) {
	now := time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		in    crm.FeedbackFields
		code  string
		field string
	}{
		{crm.FeedbackFields{Kind: crm.FeedbackNPS, Score: 5}, crm.CodeInvalidInput, "contactId"},
		{crm.FeedbackFields{ContactID: "c", Kind: "ces", Score: 5}, crm.CodeInvalidInput, "kind"},
		{crm.FeedbackFields{ContactID: "c", Kind: crm.FeedbackNPS, Score: 11}, crm.CodeInvalidInput, "score"},
		{crm.FeedbackFields{ContactID: "c", Kind: crm.FeedbackCSAT, Score: 0}, crm.CodeInvalidInput, "score"},
		{crm.FeedbackFields{ContactID: "c", Kind: crm.FeedbackCSAT, Score: 6}, crm.CodeInvalidInput, "score"},
		{crm.FeedbackFields{ContactID: "c", Kind: crm.FeedbackNPS, Score: 0, ReceivedAt: now.Add(time.Hour)}, crm.CodeDateInvalid, "receivedAt"},
	} {
		_, err := feedback.Normalize(tc.in, now)
		e, ok := err.(*crm.Error)
		if !ok || e.Code != tc.code || e.Field != tc.field {
			t.Errorf("%+v: %v, want %s on %s", tc.in, err, tc.code, tc.field)
		}
	}
	got, err := feedback.Normalize(crm.FeedbackFields{ContactID: " c ", Kind: crm.FeedbackNPS, Score: 0, Comment: "  slow\r\nsupport  "}, now)
	if err != nil || got.ContactID != "c" || got.Comment != "slow\nsupport" || !got.ReceivedAt.Equal(now) {
		t.Fatalf("normalized %+v %v", got, err)
	}
}

func TestRecordEditSummarizeThroughTheService(t *testing.T) {
	ctx := context.Background()
	fb, people, _ := setup(t)
	ann, err := people.Create(ctx, crm.ContactFields{GivenName: "Ann", Company: "Acme"})
	if err != nil {
		t.Fatal(err)
	}
	bob, err := people.Create(ctx, crm.ContactFields{GivenName: "Bob"})
	if err != nil {
		t.Fatal(err)
	}
	ann, _ = people.Get(ctx, ann.ID)
	nine, err := fb.Record(ctx, crm.FeedbackFields{ContactID: ann.ID, Kind: crm.FeedbackNPS, Score: 9, Comment: "Love it"})
	if err != nil {
		t.Fatal(err)
	}
	if nine.CompanyID == "" || nine.CompanyID != ann.CompanyID {
		t.Fatalf("company not stamped: %q, contact's %q", nine.CompanyID, ann.CompanyID)
	}
	three, err := fb.Record(ctx, crm.FeedbackFields{ContactID: ann.ID, Kind: crm.FeedbackNPS, Score: 3})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fb.Record(ctx, crm.FeedbackFields{ContactID: "ghost", Kind: crm.FeedbackNPS, Score: 3}); crm.ErrorCode(err) != crm.CodeNotFound {
		t.Fatalf("unknown contact: %v", err)
	}
	from, to := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	s, err := fb.Summary(ctx, from, to, time.UTC)
	if err != nil || s.NPS.Score != 0 || s.NPS.Responses != 2 || len(s.Months) != 1 {
		t.Fatalf("summary after 9 and 3: %+v %v", s, err)
	}
	// Moving the 3 to Bob (no company) and making it an 8: NPS 50 (1 promoter, 1 passive).
	moved, err := fb.Update(ctx, three.ID, 1, crm.FeedbackFields{ContactID: bob.ID, Kind: crm.FeedbackNPS, Score: 8, ReceivedAt: three.ReceivedAt})
	if err != nil || moved.CompanyID != "" || moved.Version != 2 {
		t.Fatalf("update: %+v %v", moved, err)
	}
	if _, err := fb.Update(ctx, three.ID, 1, crm.FeedbackFields{ContactID: bob.ID, Kind: crm.FeedbackNPS, Score: 7}); crm.ErrorCode(err) != crm.CodeVersionConflict {
		t.Fatalf("stale: %v", err)
	}
	if s, _ := fb.Summary(ctx, from, to, time.UTC); s.NPS.Score != 50 {
		t.Fatalf("after edit NPS %d, want 50", s.NPS.Score)
	}
	page, err := fb.List(ctx, crm.FeedbackQuery{CompanyID: ann.CompanyID, Limit: 10})
	if err != nil || page.Total != 1 || page.Items[0].ID != nine.ID {
		t.Fatalf("company list: %+v %v", page, err)
	}
	if _, err := fb.Delete(ctx, nine.ID); err != nil {
		t.Fatal(err)
	}
	if s, _ := fb.Summary(ctx, from, to, time.UTC); s.NPS.Responses != 1 || s.NPS.Score != 0 {
		t.Fatalf("after delete %+v", s.NPS)
	}
	if _, err := fb.Restore(ctx, nine.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := fb.List(ctx, crm.FeedbackQuery{Limit: 0}); crm.ErrorCode(err) != crm.CodeInvalidInput {
		t.Fatalf("zero limit: %v", err)
	}
	if _, err := fb.Summary(ctx, to, from, time.UTC); crm.ErrorCode(err) != crm.CodeDateInvalid {
		t.Fatalf("reversed range: %v", err)
	}
}

// The service's summary (aggregated by the database month by month) agrees
// with Summarize over the same answers read one by one.
func TestServiceSummaryAgreesWithSummarize(t *testing.T) {
	ctx := context.Background()
	fb, people, _ := setup(t)
	var ids []string
	for _, n := range []string{"Ann", "Bob", "Cy"} {
		c, err := people.Create(ctx, crm.ContactFields{GivenName: n})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	var all []crm.Feedback
	for i := range 60 {
		kind, score := crm.FeedbackNPS, (i*7)%11
		if i%4 == 0 {
			kind, score = crm.FeedbackCSAT, 1+(i*3)%5
		}
		f, err := fb.Record(ctx, crm.FeedbackFields{ContactID: ids[i%3], Kind: kind, Score: score,
			ReceivedAt: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * 131 * time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, f)
	}
	berlin := time.FixedZone("CET", 3600)
	from, to := time.Date(2026, 2, 1, 0, 0, 0, 0, berlin), time.Date(2026, 9, 1, 0, 0, 0, 0, berlin)
	got, err := fb.Summary(ctx, from, to, berlin)
	if err != nil {
		t.Fatal(err)
	}
	want := feedback.Summarize(all, from, to, berlin)
	if got.Count != want.Count || got.NPS != want.NPS || got.CSAT != want.CSAT || len(got.Months) != len(want.Months) || got.Count == 0 {
		t.Fatalf("service %+v\nsummarize %+v", got, want)
	}
	for i := range got.Months {
		if got.Months[i] != want.Months[i] {
			t.Errorf("month %d: %+v vs %+v", i, got.Months[i], want.Months[i])
		}
	}
}
