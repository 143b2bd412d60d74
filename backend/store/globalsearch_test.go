package store

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fieldbook/backend/crm"
)

func rowTitles(t *testing.T, db *DB, kind, text string) []string {
	t.Helper()
	rows, err := db.SearchRows(context.Background(), kind, text, 20)
	if err != nil {
		t.Fatalf("SearchRows(%s, %q): %v", kind, text, err)
	}
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.Title
	}
	return out
}

func TestSearchRowsFindsContactsByNameNotesAndPhoneDigits(t *testing.T) {
	db, clock := openTestDB(t)
	mustCreate(t, db, clock, crm.ContactFields{GivenName: "রহিম", FamilyName: "উদ্দিন", Company: "Padma Trading"})
	mustCreate(t, db, clock, crm.ContactFields{GivenName: "José", FamilyName: "Müller", Notes: "Met at the harbour fair",
		Phones: []crm.LabeledValue{{Label: "work", Value: "+49 (30) 1234-5678"}}, Emails: []crm.LabeledValue{{Value: "jm@example.com"}}})
	mustCreate(t, db, clock, crm.ContactFields{GivenName: "Harbour", FamilyName: "Master"})
	gone := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Joseph", FamilyName: "Gone"})
	if _, err := db.DeleteContact(context.Background(), gone.ID); err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		text string
		want []string
	}{
		{"রহি", []string{"রহিম উদ্দিন"}},
		{"jose mull", []string{"José Müller"}},
		{"JOSÉ", []string{"José Müller"}},
		{"12345678", []string{"José Müller"}},
		{"padma", []string{"রহিম উদ্দিন"}},
		{"zzz", nil},
		{`"`, nil},
		{`*`, nil},
		{`NEAR(`, []string{}},
	} {
		got := rowTitles(t, db, "contact", tc.text)
		if len(got) != len(tc.want) || (len(got) > 0 && !slices.Equal(got, tc.want)) {
			t.Errorf("%q → %q, want %q", tc.text, got, tc.want)
		}
	}
	// The title match ranks above the notes match: "harbour" is Harbour
	// Master's name and only José's notes.
	if got := rowTitles(t, db, "contact", "harbour"); !slices.Equal(got, []string{"Harbour Master", "José Müller"}) {
		t.Errorf("harbour → %q", got)
	}
	// One letter looks at titles only, newest first.
	if got := rowTitles(t, db, "contact", "h"); !slices.Equal(got, []string{"Harbour Master"}) {
		t.Errorf("h → %q", got)
	}
	rows, err := db.SearchRows(context.Background(), "contact", "jose", 5)
	if err != nil || len(rows) != 1 {
		t.Fatalf("jose: %v %v", rows, err)
	}
	r := rows[0]
	if r.Extra != "jm@example.com" || !strings.Contains(r.Body, "harbour fair") || !strings.Contains(r.Body, "+49 (30) 1234-5678") || r.UpdatedAt.IsZero() || r.Score <= 0 {
		t.Errorf("row = %+v", r)
	}
}

func TestSearchRowsFTSSyntaxIsNeverRead(t *testing.T) {
	db, clock := openTestDB(t)
	mustCreate(t, db, clock, crm.ContactFields{GivenName: "Near", FamilyName: "Orwell", Notes: "or and not"})
	for _, text := range []string{`"`, `*`, `NEAR(`, `OR`, `a OR b`, `"near`, `{name}: x`, `^near`, `near -orwell`, `(`, `AND`, `NOT`} {
		if _, err := db.SearchRows(context.Background(), "contact", text, 10); err != nil {
			t.Errorf("%q: %v", text, err)
		}
	}
	if got := rowTitles(t, db, "contact", "NEAR("); !slices.Equal(got, []string{"Near Orwell"}) {
		t.Errorf("NEAR( → %q (a word, not the operator)", got)
	}
	if got := rowTitles(t, db, "contact", "or"); !slices.Equal(got, []string{"Near Orwell"}) {
		t.Errorf("or → %q", got)
	}
	if got := rowTitles(t, db, "contact", "near -orwell"); !slices.Equal(got, []string{"Near Orwell"}) {
		t.Errorf("near -orwell → %q (the minus is not NOT)", got)
	}
	if _, err := db.SearchRows(context.Background(), "nope", "x", 10); err == nil {
		t.Error("an unknown kind is an error")
	}
}

func TestSearchRowsCompaniesEventsAndTasksFollowTheirTables(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	now := clock.Now()
	co := crm.Company{ID: crm.NewID(now), Version: 1, CreatedAt: now, UpdatedAt: now,
		CompanyFields: crm.CompanyFields{Name: "Ölwerk Nord", Industry: "Energy", Phone: "+49 40 555-1234", Notes: "Boiler retrofit",
			Address: crm.Address{City: "Hamburg"}}}
	if err := db.CreateCompany(ctx, co); err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string][]string{"olw": {"Ölwerk Nord"}, "hamburg": {"Ölwerk Nord"}, "4940555": {"Ölwerk Nord"},
		"boiler": {"Ölwerk Nord"}, "energy": {"Ölwerk Nord"}} {
		if got := rowTitles(t, db, "company", text); !slices.Equal(got, want) {
			t.Errorf("company %q → %q", text, got)
		}
	}
	co.Name, co.Notes, co.Version = "Seewerk", "", 2
	if err := db.UpdateCompany(ctx, co); err != nil {
		t.Fatal(err)
	}
	if got := rowTitles(t, db, "company", "boiler"); len(got) != 0 {
		t.Errorf("old notes still found: %q", got)
	}
	if got := rowTitles(t, db, "company", "seew"); !slices.Equal(got, []string{"Seewerk"}) {
		t.Errorf("renamed company → %q", got)
	}
	if err := db.DeleteCompany(ctx, co.ID); err != nil {
		t.Fatal(err)
	}
	if got := rowTitles(t, db, "company", "seew"); len(got) != 0 {
		t.Errorf("deleted company found: %q", got)
	}

	cal := mustDefaultCalendar(t, db)
	ev := newEvent(clock, cal.ID, "Quarterly review", utc("2026-11-25T10:00:00Z"))
	ev.Location, ev.Notes = "Dhaka office", "bring the ledger"
	ev.Attendees = []crm.Attendee{{Email: "rahim@padma.example", Name: "রহিম"}}
	mustCreateEvent(t, db, ev)
	for text, want := range map[string][]string{"quart": {"Quarterly review"}, "dhaka": {"Quarterly review"},
		"রহিম": {"Quarterly review"}, "padma": {"Quarterly review"}, "ledger": {"Quarterly review"}, "status": nil} {
		if got := rowTitles(t, db, "event", text); !slices.Equal(got, want) {
			t.Errorf("event %q → %q", text, got)
		}
	}
	rows, _ := db.SearchRows(ctx, "event", "review", 5)
	if len(rows) != 1 || rows[0].Subtitle != "Dhaka office" || !strings.HasPrefix(rows[0].Extra, "2026-11-25T10:00") || !strings.Contains(rows[0].Body, "rahim@padma.example") {
		t.Errorf("event row = %+v", rows)
	}
	if _, err := db.DeleteEvent(ctx, ev.ID, ev.Version); err != nil {
		t.Fatal(err)
	}
	if got := rowTitles(t, db, "event", "quart"); len(got) != 0 {
		t.Errorf("deleted meeting found: %q", got)
	}

	task := newTask(clock, cal.ID, "Send the offer", "2026-11-26")
	task.Notes = "Include the Ölwerk discount"
	if err := db.CreateTask(ctx, task); err != nil {
		t.Fatal(err)
	}
	if got := rowTitles(t, db, "task", "olwerk"); !slices.Equal(got, []string{"Send the offer"}) {
		t.Errorf("task by notes → %q", got)
	}
	task.Title, task.Version = "Send the revised offer", 2
	if err := db.UpdateTask(ctx, task, []string{"title"}); err != nil {
		t.Fatal(err)
	}
	rows, _ = db.SearchRows(ctx, "task", "revis", 5)
	if len(rows) != 1 || rows[0].Extra != "2026-11-26" {
		t.Errorf("task row = %+v", rows)
	}
}

func TestSearchIndexesSurviveDamagedJSON(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	now := clock.Now()
	co := crm.Company{ID: crm.NewID(now), Version: 1, CreatedAt: now, UpdatedAt: now, CompanyFields: crm.CompanyFields{Name: "Broken Address"}}
	if err := db.CreateCompany(ctx, co); err != nil {
		t.Fatal(err)
	}
	cal := mustDefaultCalendar(t, db)
	ev := mustCreateEvent(t, db, newEvent(clock, cal.ID, "Broken attendees", utc("2026-11-25T10:00:00Z")))
	// Writes from elsewhere (an older build, a hand edit) may leave bad JSON.
	for _, q := range []string{`UPDATE companies SET address = '{not json' WHERE id = ?`, `UPDATE events SET attendees = '[{"name":' WHERE id = ?`,
		`UPDATE events SET organizer = '"just text"' WHERE id = ?`} {
		id := co.ID
		if strings.Contains(q, "events") {
			id = ev.ID
		}
		if _, err := db.db.ExecContext(ctx, q, id); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if got := rowTitles(t, db, "company", "broken"); !slices.Equal(got, []string{"Broken Address"}) {
		t.Errorf("company → %q", got)
	}
	if got := rowTitles(t, db, "event", "broken"); !slices.Equal(got, []string{"Broken attendees"}) {
		t.Errorf("event → %q", got)
	}
}

// TestSearchRowsSellingAndCareKinds covers the indexes of leads, deals,
// support cases and activities: rows written as their stores write them
// (plain SQL here, so the test does not depend on those areas' code) are
// found, follow edits and tombstones, and an activity opens on its contact.
func TestSearchRowsSellingAndCareKinds(t *testing.T) {
	ctx := context.Background()
	db, clock := openTestDB(t)
	ann := mustCreate(t, db, clock, crm.ContactFields{GivenName: "Ann", FamilyName: "Lee", Company: "Padma Traders"})
	var companyID string
	if err := db.db.QueryRowContext(ctx, `SELECT company_id FROM contacts WHERE id = ?`, ann.ID).Scan(&companyID); err != nil {
		t.Fatal(err)
	}
	now := formatTime(clock.Now())
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.db.ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	exec(`INSERT INTO leads (id, name, email, phone, company_name, title, source, notes, created_at, updated_at)
		VALUES ('l1', 'Karim Chowdhury', 'karim@jute.example', '+880 1711-223344', 'Jute Works', 'Buyer', 'trade fair', 'wants samples', ?1, ?1)`, now)
	exec(`INSERT INTO deals (id, title, pipeline_id, stage_id, currency, company_id, notes, expected_close, created_at, updated_at)
		VALUES ('d1', 'Spring jute order', '01900000-0000-7000-8000-000000000001', '01900000-0000-7000-8000-000000000011', 'EUR', ?2,
		'two containers', '2027-03-01', ?1, ?1)`, now, companyID)
	exec(`INSERT INTO cases (id, version, number, subject, description, priority, status, opened_at, created_at, updated_at)
		VALUES ('k1', 1, 'C-0042', 'Broken zipper on delivery', 'customer sent photos', 'high', 'open', ?1, ?1, ?1)`, now)
	exec(`INSERT INTO activities (id, kind, occurred_at, subject, body, contact_id, created_at, updated_at)
		VALUES ('a1', 'call', ?1, '', 'Talked about the zipper replacement', ?2, ?1, ?1)`, now, ann.ID)

	for _, tc := range []struct{ kind, text, title string }{
		{"lead", "karim", "Karim Chowdhury"},
		{"lead", "jute", "Karim Chowdhury"},
		{"lead", "8801711223", "Karim Chowdhury"}, // digits from the start (contacts match any run)
		{"lead", "samples", "Karim Chowdhury"},
		{"deal", "spring", "Spring jute order"},
		{"deal", "padma", "Spring jute order"},
		{"deal", "containers", "Spring jute order"},
		{"case", "zipper", "Broken zipper on delivery"},
		{"case", "C-0042", "Broken zipper on delivery"},
		{"case", "photos", "Broken zipper on delivery"},
		{"activity", "zipper repl", "Talked about the zipper replacement"},
	} {
		if got := rowTitles(t, db, tc.kind, tc.text); !slices.Equal(got, []string{tc.title}) {
			t.Errorf("%s %q → %q, want %q", tc.kind, tc.text, got, tc.title)
		}
	}
	rows, err := db.SearchRows(ctx, "activity", "zipper", 5)
	if err != nil || len(rows) != 1 || rows[0].Opens != "contact:"+ann.ID || rows[0].Subtitle != "Ann Lee" {
		t.Fatalf("activity row = %+v, %v", rows, err)
	}
	rows, _ = db.SearchRows(ctx, "deal", "spring", 5)
	if len(rows) != 1 || rows[0].Subtitle != "Padma Traders" || rows[0].Extra != "2027-03-01" || rows[0].Opens != "" {
		t.Errorf("deal row = %+v", rows)
	}

	exec(`UPDATE leads SET name = 'Karim Hossain', version = 2 WHERE id = 'l1'`)
	exec(`UPDATE cases SET deleted_at = ?1 WHERE id = 'k1'`, now)
	exec(`UPDATE deals SET title = 'Autumn order', version = 2 WHERE id = 'd1'`)
	if got := rowTitles(t, db, "lead", "hossain"); !slices.Equal(got, []string{"Karim Hossain"}) {
		t.Errorf("renamed lead → %q", got)
	}
	if got := rowTitles(t, db, "lead", "chowdhury"); len(got) != 0 {
		t.Errorf("old lead name still found: %q", got)
	}
	if got := rowTitles(t, db, "case", "zipper"); len(got) != 0 {
		t.Errorf("deleted case found: %q", got)
	}
	if got := rowTitles(t, db, "deal", "spring"); len(got) != 0 {
		t.Errorf("old deal title found: %q", got)
	}
}

func TestSearchRowsTriesWholeWordsFirstOnlyWhenTheyFillTheLimit(t *testing.T) {
	db, clock := openTestDB(t)
	mustCreate(t, db, clock, crm.ContactFields{GivenName: "Annabel", FamilyName: "Ray"})
	mustCreate(t, db, clock, crm.ContactFields{GivenName: "Anna", FamilyName: "Bell"})
	mustCreate(t, db, clock, crm.ContactFields{GivenName: "Anna", FamilyName: "Cole"})
	rows, err := db.SearchRows(context.Background(), "contact", "anna", 2)
	if err != nil || len(rows) != 2 || rows[0].Title == "Annabel Ray" || rows[1].Title == "Annabel Ray" {
		t.Errorf("limit 2: %+v, %v (the two whole-word matches)", rows, err)
	}
	if got := rowTitles(t, db, "contact", "anna"); len(got) != 3 || !slices.Contains(got, "Annabel Ray") {
		t.Errorf("limit 20: %q (whole words do not fill it: prefixes too)", got)
	}
}
