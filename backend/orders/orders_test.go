package orders

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"fieldbook/backend/calendar"
	"fieldbook/backend/crm"
	"fieldbook/backend/recurrence"
	"fieldbook/backend/store"
	"fieldbook/backend/tasks"
)

type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Millisecond)
	return c.t
}

func (c *testClock) set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

type fixture struct {
	svc   *Service
	tasks *tasks.Service
	db    *store.DB
	clock *testClock
	ctx   context.Context
}

// newFixture: a temp-file database, the user in Asia/Tokyo (UTC+9), the
// clock at 2026-11-24 08:00 Tokyo = 2026-11-23 23:00Z: the user's today is
// the 24th while UTC's is still the 23rd.
func newFixture(t testing.TB) fixture {
	t.Helper()
	clock := &testClock{t: time.Date(2026, 11, 23, 23, 0, 0, 0, time.UTC)}
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "orders.db"), store.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	sys := calendar.System{
		Getenv:   func(string) string { return "Asia/Tokyo" },
		Readlink: func(string) (string, error) { return "", errors.New("none") },
		ReadFile: func(string) ([]byte, error) { return nil, errors.New("none") },
	}
	cal := calendar.New(db, clock, sys)
	tk := tasks.New(db, clock, cal, recurrence.Validate)
	return fixture{svc: New(db, clock, cal, tk), tasks: tk, db: db, clock: clock, ctx: context.Background()}
}

func (fx fixture) company(t testing.TB, name string) string {
	t.Helper()
	now := fx.clock.Now()
	c := crm.Company{ID: crm.NewID(now), CompanyFields: crm.CompanyFields{Name: name}, Version: 1, CreatedAt: now, UpdatedAt: now}
	if err := fx.db.CreateCompany(fx.ctx, c); err != nil {
		t.Fatal(err)
	}
	return c.ID
}

func (fx fixture) contact(t testing.TB, given, family string) string {
	t.Helper()
	now := fx.clock.Now()
	c := crm.Contact{ID: crm.NewID(now), ContactFields: crm.ContactFields{GivenName: given, FamilyName: family}, Version: 1, CreatedAt: now, UpdatedAt: now}
	if err := fx.db.CreateContact(fx.ctx, c); err != nil {
		t.Fatal(err)
	}
	return c.ID
}

func (fx fixture) order(t testing.TB, f crm.OrderFields) Item {
	t.Helper()
	it, err := fx.svc.Create(fx.ctx, f)
	if err != nil {
		t.Fatalf("create order %+v: %v", f, err)
	}
	return it
}

func line(product string, qty int64, minor int64) crm.OrderLine {
	return crm.OrderLine{Product: product, Quantity: qty, UnitPrice: crm.Money{Minor: minor}}
}

func TestTotalsInJPYAndEURAreExactMinorUnits(t *testing.T) {
	fx := newFixture(t)
	co := fx.company(t, "Kobe Tea")
	// JPY has no decimals: 3 × ¥1,234 + 7 × ¥99 = ¥3,702 + ¥693 = ¥4,395.
	jpy := fx.order(t, crm.OrderFields{CompanyID: co, OrderDate: "2026-11-01", Currency: "jpy",
		Lines: []crm.OrderLine{line("Sencha", 3, 1234), line("Cups", 7, 99)}})
	if jpy.Total != (crm.Money{Minor: 4395, Currency: "JPY"}) || jpy.Lines[0].Total.Minor != 3702 || jpy.Lines[1].Total.Minor != 693 {
		t.Fatalf("JPY totals: %+v lines %+v", jpy.Total, jpy.Lines)
	}
	// EUR in cents: 3 × €0.10 = €0.30 exactly (no 0.30000000000000004),
	// 12 × €19.99 = €239.88; total €240.18.
	eur := fx.order(t, crm.OrderFields{CompanyID: co, OrderDate: "2026-11-02", Currency: "EUR",
		Lines: []crm.OrderLine{line("Sample", 3, 10), line("Tin", 12, 1999)}})
	if eur.Total != (crm.Money{Minor: 24018, Currency: "EUR"}) || eur.Lines[0].Total.Minor != 30 || eur.Lines[1].Total.Minor != 23988 {
		t.Fatalf("EUR totals: %+v lines %+v", eur.Total, eur.Lines)
	}
	got, err := fx.svc.Get(fx.ctx, eur.ID)
	if err != nil || got.Total != eur.Total || len(got.Lines) != 2 || got.Lines[1].UnitPrice != (crm.Money{Minor: 1999, Currency: "EUR"}) {
		t.Fatalf("read back: %+v %v", got, err)
	}
}

func TestValidation(t *testing.T) {
	fx := newFixture(t)
	co := fx.company(t, "Acme")
	good := crm.OrderFields{CompanyID: co, OrderDate: "2026-11-01", Currency: "EUR", Lines: []crm.OrderLine{line("Bolt", 1, 100)}}
	cases := []struct {
		name  string
		edit  func(f *crm.OrderFields)
		code  string
		field string
	}{
		{"no customer", func(f *crm.OrderFields) { f.CompanyID = "" }, crm.CodeInvalidInput, "customer"},
		{"unknown company", func(f *crm.OrderFields) { f.CompanyID = "nope" }, crm.CodeNotFound, "companyId"},
		{"no lines", func(f *crm.OrderFields) { f.Lines = nil }, crm.CodeInvalidInput, "lines"},
		{"zero quantity", func(f *crm.OrderFields) { f.Lines = []crm.OrderLine{line("Bolt", 0, 100)} }, crm.CodeInvalidInput, "lines.0.quantity"},
		{"negative quantity", func(f *crm.OrderFields) { f.Lines = []crm.OrderLine{line("Bolt", 2, 1), line("Nut", -1, 100)} }, crm.CodeInvalidInput, "lines.1.quantity"},
		{"no product", func(f *crm.OrderFields) { f.Lines = []crm.OrderLine{line("  ", 1, 100)} }, crm.CodeInvalidInput, "lines.0.product"},
		{"line in another currency", func(f *crm.OrderFields) {
			f.Lines = []crm.OrderLine{{Product: "Bolt", Quantity: 1, UnitPrice: crm.Money{Minor: 100, Currency: "USD"}}}
		}, crm.CodeCurrencyInvalid, "lines.0.unitPrice"},
		{"negative price", func(f *crm.OrderFields) { f.Lines = []crm.OrderLine{line("Bolt", 1, -5)} }, crm.CodeAmountInvalid, "lines.0.unitPrice"},
		{"overflowing total", func(f *crm.OrderFields) {
			f.Lines = []crm.OrderLine{line("Gold", 1_000_000_000, 1<<62)}
		}, crm.CodeAmountInvalid, "lines.0.unitPrice"},
		{"bad currency", func(f *crm.OrderFields) { f.Currency = "EURO" }, crm.CodeCurrencyInvalid, "currency"},
		{"bad date", func(f *crm.OrderFields) { f.OrderDate = "2026-02-30" }, crm.CodeDateInvalid, "orderDate"},
		{"due before the order", func(f *crm.OrderFields) { f.DueDate = "2026-10-01" }, crm.CodeDateInvalid, "dueDate"},
		{"bad status", func(f *crm.OrderFields) { f.PaymentStatus = "overdue" }, crm.CodeInvalidInput, "paymentStatus"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := good
			f.Lines = slices.Clone(good.Lines)
			c.edit(&f)
			_, err := fx.svc.Create(fx.ctx, f)
			var e *crm.Error
			if !errors.As(err, &e) || e.Code != c.code || e.Field != c.field {
				t.Fatalf("got %v, want %s on %s", err, c.code, c.field)
			}
		})
	}
	page, err := fx.svc.List(fx.ctx, crm.OrderListQuery{Limit: 10})
	if err != nil || page.Total != 0 {
		t.Fatalf("a refused order was stored: %+v %v", page, err)
	}
}

func TestNumbersPerYearAndVersions(t *testing.T) {
	fx := newFixture(t)
	p := fx.contact(t, "Ana", "Lima")
	a := fx.order(t, crm.OrderFields{ContactID: p, OrderDate: "2026-01-05", Currency: "EUR", Lines: []crm.OrderLine{line("A", 1, 100)}})
	b := fx.order(t, crm.OrderFields{ContactID: p, OrderDate: "2026-03-05", Currency: "EUR", Lines: []crm.OrderLine{line("B", 1, 100)}})
	c := fx.order(t, crm.OrderFields{ContactID: p, OrderDate: "2025-12-30", Currency: "EUR", Lines: []crm.OrderLine{line("C", 1, 100)}})
	if a.Number != "2026-0001" || b.Number != "2026-0002" || c.Number != "2025-0001" {
		t.Fatalf("numbers %s %s %s", a.Number, b.Number, c.Number)
	}
	// A deleted order's number is not given again.
	if err := fx.svc.Delete(fx.ctx, b.ID, b.Version); err != nil {
		t.Fatal(err)
	}
	d := fx.order(t, crm.OrderFields{ContactID: p, OrderDate: "2026-04-01", Currency: "EUR", Lines: []crm.OrderLine{line("D", 1, 100)}})
	if d.Number != "2026-0003" {
		t.Fatalf("after a delete: %s", d.Number)
	}
	if _, err := fx.svc.Create(fx.ctx, crm.OrderFields{Number: "2026-0001", ContactID: p, OrderDate: "2026-04-01", Currency: "EUR",
		Lines: []crm.OrderLine{line("E", 1, 100)}}); crm.ErrorCode(err) != crm.CodeInvalidInput {
		t.Fatalf("a taken number: %v", err)
	}
	// Optimistic versions: an edit from version 1 after another edit is refused.
	f := a.OrderFields
	f.Notes = "first edit"
	a2, err := fx.svc.Update(fx.ctx, a.ID, 1, f)
	if err != nil || a2.Version != 2 || a2.Number != "2026-0001" {
		t.Fatalf("update: %+v %v", a2, err)
	}
	f.Notes = "stale edit"
	if _, err := fx.svc.Update(fx.ctx, a.ID, 1, f); crm.ErrorCode(err) != crm.CodeVersionConflict {
		t.Fatalf("stale edit: %v", err)
	}
	// Saving the same fields changes nothing.
	f.Notes = "first edit"
	if same, err := fx.svc.Update(fx.ctx, a.ID, 2, f); err != nil || same.Version != 2 {
		t.Fatalf("no-op edit: %+v %v", same, err)
	}
	// A number typed in the year's form moves the counter: the next automatic one follows it.
	typed := fx.order(t, crm.OrderFields{Number: "2026-0041", ContactID: p, OrderDate: "2026-05-01", Currency: "EUR", Lines: []crm.OrderLine{line("F", 1, 100)}})
	after := fx.order(t, crm.OrderFields{ContactID: p, OrderDate: "2026-05-02", Currency: "EUR", Lines: []crm.OrderLine{line("G", 1, 100)}})
	if typed.Number != "2026-0041" || after.Number != "2026-0042" {
		t.Fatalf("after a typed number: %s, %s", typed.Number, after.Number)
	}
	restored, err := fx.svc.Restore(fx.ctx, b.ID)
	if err != nil || restored.DeletedAt != nil || restored.Number != "2026-0002" {
		t.Fatalf("restore: %+v %v", restored, err)
	}
}

func TestOverdueIsTheUsersDay(t *testing.T) {
	fx := newFixture(t) // 2026-11-24 08:00 in Tokyo, still 2026-11-23 in UTC
	co := fx.company(t, "Osaka Steel")
	big := fx.company(t, "Big Buyer")
	mk := func(customer, due string, minor int64) Item {
		return fx.order(t, crm.OrderFields{CompanyID: customer, OrderDate: "2026-10-01", Currency: "JPY", DueDate: due,
			Lines: []crm.OrderLine{line("Plate", 1, minor)}})
	}
	yesterday := mk(co, "2026-11-23", 5000) // overdue in Tokyo, not yet in UTC
	today := mk(co, "2026-11-24", 5000)
	old := mk(co, "2026-11-01", 100)
	oldBig := mk(big, "2026-11-01", 90000)
	paid := mk(co, "2026-10-15", 100)
	if _, err := fx.svc.MarkPaid(fx.ctx, paid.ID, paid.Version, ""); err != nil {
		t.Fatal(err)
	}
	got, err := fx.svc.Overdue(fx.ctx)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	var days []int
	for _, it := range got {
		ids, days = append(ids, it.ID), append(days, it.DaysOverdue)
		if it.State != crm.PaymentOverdue {
			t.Errorf("%s is %s", it.Number, it.State)
		}
	}
	// 23 days for both 1 November orders (the larger amount first), 1 day for yesterday's.
	if !slices.Equal(ids, []string{oldBig.ID, old.ID, yesterday.ID}) || !slices.Equal(days, []int{23, 23, 1}) {
		t.Fatalf("overdue %v days %v", ids, days)
	}
	if g, _ := fx.svc.Get(fx.ctx, today.ID); g.State != crm.PaymentDue {
		t.Fatalf("due today is %s", g.State)
	}
	if g, _ := fx.svc.Get(fx.ctx, paid.ID); g.State != crm.PaymentPaid || g.PaidAt != "2026-11-24" {
		t.Fatalf("paid: %s on %s", g.State, g.PaidAt)
	}
	// The list filters agree with the states.
	for status, want := range map[string]int{crm.PaymentOverdue: 3, crm.PaymentDue: 1, crm.PaymentPaid: 1, "": 5} {
		page, err := fx.svc.List(fx.ctx, crm.OrderListQuery{Status: status, Limit: 50})
		if err != nil || page.Total != want || len(page.Items) != want {
			t.Errorf("status %q: %d/%d %v, want %d", status, page.Total, len(page.Items), err, want)
		}
	}
	// An hour before midnight UTC turns to 09:00 the next day in Tokyo: the day after, 'today' is overdue too.
	fx.clock.set(time.Date(2026, 11, 24, 15, 30, 0, 0, time.UTC)) // 2026-11-25 00:30 Tokyo
	if g, _ := fx.svc.Get(fx.ctx, today.ID); g.State != crm.PaymentOverdue || g.DaysOverdue != 1 {
		t.Fatalf("after midnight in Tokyo: %s %d", g.State, g.DaysOverdue)
	}
	// Marking it due again clears the payment day.
	p2, _ := fx.svc.Get(fx.ctx, paid.ID)
	back, err := fx.svc.MarkDue(fx.ctx, paid.ID, p2.Version)
	if err != nil || back.PaidAt != "" || back.State != crm.PaymentOverdue {
		t.Fatalf("mark due: %+v %v", back, err)
	}
}

func TestReorderTaskIsMadeOncePerExpectedDate(t *testing.T) {
	fx := newFixture(t) // today 2026-11-24 in the user's zone
	regular := fx.company(t, "Regular Foods")
	// Orders every 30 days; last 2026-10-28 → expected 2026-11-27, within 7 days.
	for _, d := range []string{"2026-07-30", "2026-08-29", "2026-09-28", "2026-10-28"} {
		fx.order(t, crm.OrderFields{CompanyID: regular, OrderDate: d, Currency: "EUR", Lines: []crm.OrderLine{line("Flour", 10, 250)}})
	}
	// A contact who buys every 60 days, last on 2026-11-01 → expected 2026-12-31: not yet.
	later := fx.contact(t, "Mika", "Sato")
	for _, d := range []string{"2026-07-04", "2026-09-02", "2026-11-01"} {
		fx.order(t, crm.OrderFields{ContactID: later, OrderDate: d, Currency: "JPY", Lines: []crm.OrderLine{line("Rice", 1, 3000)}})
	}
	// One order only: no rhythm, no task.
	fx.order(t, crm.OrderFields{ContactID: fx.contact(t, "One", "Off"), OrderDate: "2026-01-01", Currency: "EUR", Lines: []crm.OrderLine{line("X", 1, 1)}})

	check, err := fx.svc.CheckReorders(fx.ctx)
	if err != nil || len(check.Made) != 1 {
		t.Fatalf("first check: %v %v", check, err)
	}
	task, err := fx.tasks.Get(fx.ctx, check.Made[0])
	if err != nil {
		t.Fatal(err)
	}
	if task.Notes != "Orders about every 30 days (4 orders). Last order 2026-10-28; next expected 2026-11-27." {
		t.Errorf("task notes %q", task.Notes)
	}
	if task.Title != "Re-order due: Regular Foods" || task.Due != "2026-11-27T09:00:00" || task.CompanyID != regular ||
		len(task.Reminders) != 1 || task.DueAt == nil || !task.DueAt.Equal(time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("task %+v", task)
	}
	again, err := fx.svc.CheckReorders(fx.ctx)
	if err != nil || again.Changed() {
		t.Fatalf("second check made %v %v", again, err)
	}
	if err := fx.tasks.Delete(fx.ctx, task.ID, task.Version); err != nil {
		t.Fatal(err)
	}
	again, err = fx.svc.CheckReorders(fx.ctx)
	if err != nil || again.Changed() {
		t.Fatalf("after deleting the task: %v %v", again, err)
	}
	open, err := fx.tasks.List(fx.ctx, crm.TaskListAll, "")
	if err != nil || len(open) != 0 {
		t.Fatalf("tasks after the checks: %d %v", len(open), err)
	}
	freqs, err := fx.svc.Frequencies(fx.ctx, "")
	if err != nil || len(freqs) != 3 {
		t.Fatalf("frequencies %+v %v", freqs, err)
	}
	if f := freqs[0]; f.Name != "Regular Foods" || f.Status != ReorderDueSoon || f.MedianDays != 30 || f.TaskID != task.ID || f.Orders != 4 {
		t.Fatalf("first frequency %+v", f)
	}
	if f := freqs[1]; f.Name != "Mika Sato" || f.Status != ReorderOK || f.NextExpected != "2026-12-31" {
		t.Fatalf("second frequency %+v", f)
	}

	// A new order moves the expected date: a new task for the new date,
	// once the lead reaches it (lead 40 days: 2026-11-24 + 40 ≥ 2026-12-24).
	fx.order(t, crm.OrderFields{CompanyID: regular, OrderDate: "2026-11-24", Currency: "EUR", Lines: []crm.OrderLine{line("Flour", 10, 250)}})
	if check, _ := fx.svc.CheckReorders(fx.ctx); check.Changed() {
		t.Fatalf("a task 30 days ahead with a 7-day lead: %v", check)
	}
	if err := fx.svc.SetLeadDays(fx.ctx, 40); err != nil {
		t.Fatal(err)
	}
	check, err = fx.svc.CheckReorders(fx.ctx)
	if err != nil || len(check.Made) != 2 {
		t.Fatalf("lead 40: %v %v", check, err)
	}
	if err := fx.svc.SetLeadDays(fx.ctx, 400); crm.ErrorCode(err) != crm.CodeInvalidInput {
		t.Fatalf("lead 400: %v", err)
	}
}

func TestReorderSkipsDeletedCustomers(t *testing.T) {
	fx := newFixture(t)
	p := fx.contact(t, "Gone", "Customer")
	for _, d := range []string{"2026-09-01", "2026-10-01", "2026-11-01"} {
		fx.order(t, crm.OrderFields{ContactID: p, OrderDate: d, Currency: "EUR", Lines: []crm.OrderLine{line("X", 1, 1)}})
	}
	if _, err := fx.db.DeleteContact(fx.ctx, p); err != nil {
		t.Fatal(err)
	}
	check, err := fx.svc.CheckReorders(fx.ctx)
	if err != nil || check.Changed() {
		t.Fatalf("deleted contact: %v %v", check, err)
	}
}

func TestSchedulerChecksOncePerUserDay(t *testing.T) {
	fx := newFixture(t)
	co := fx.company(t, "Daily")
	for _, d := range []string{"2026-10-01", "2026-10-15", "2026-10-29"} {
		fx.order(t, crm.OrderFields{CompanyID: co, OrderDate: d, Currency: "EUR", Lines: []crm.OrderLine{line("X", 1, 1)}})
	}
	var heard []Check
	s := NewScheduler(fx.svc, func(c Check) { heard = append(heard, c) }, func(err error) { t.Error(err) })
	if !s.RunIfNewDay(fx.ctx) || len(heard) != 1 {
		t.Fatalf("first run: %v", heard)
	}
	if s.RunIfNewDay(fx.ctx) {
		t.Fatal("ran twice on one day")
	}
	fx.clock.set(time.Date(2026, 11, 24, 16, 0, 0, 0, time.UTC)) // 2026-11-25 01:00 in Tokyo
	if !s.RunIfNewDay(fx.ctx) || len(heard) != 1 {
		t.Fatalf("next day: ran, and made no second task for the same date: %v", heard)
	}
}

func TestAnOrderAfterTheReminderCompletesItsTask(t *testing.T) {
	fx := newFixture(t) // today 2026-11-24
	p := fx.contact(t, "Rina", "Das")
	mk := func(d string) {
		fx.order(t, crm.OrderFields{ContactID: p, OrderDate: d, Currency: "EUR", Lines: []crm.OrderLine{line("Ink", 2, 450)}})
	}
	// Orders typed in from history, oldest first: after the second one the
	// third is "expected" on 2026-08-31, long past: a task is made.
	mk("2026-07-02")
	mk("2026-08-01")
	first, err := fx.svc.CheckReorders(fx.ctx)
	if err != nil || len(first.Made) != 1 {
		t.Fatalf("after two orders: %+v %v", first, err)
	}
	// The next order arrives: that task is done, by Fieldbook. Gaps 30
	// and 29 → median 30 (29.5 half up) → next expected 2026-09-29.
	mk("2026-08-30")
	second, err := fx.svc.CheckReorders(fx.ctx)
	if err != nil || !slices.Equal(second.Completed, first.Made) || len(second.Made) != 1 {
		t.Fatalf("after the third order: %+v %v", second, err)
	}
	old, _ := fx.tasks.Get(fx.ctx, first.Made[0])
	if old.Status != crm.TaskCompleted {
		t.Fatalf("the earlier task is %s", old.Status)
	}
	open, _ := fx.tasks.List(fx.ctx, crm.TaskListAll, "")
	if len(open) != 1 || open[0].ID != second.Made[0] || open[0].Due != "2026-09-29T09:00:00" {
		t.Fatalf("open tasks %+v", open)
	}
	if third, _ := fx.svc.CheckReorders(fx.ctx); third.Changed() {
		t.Fatalf("third check: %+v", third)
	}
}

// addDays is date (YYYY-MM-DD) plus n days.
func addDays(date string, n int) string {
	t, _ := time.Parse(crm.LocalDateLayout, date)
	return t.AddDate(0, 0, n).Format(crm.LocalDateLayout)
}
