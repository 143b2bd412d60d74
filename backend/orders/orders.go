// Package orders is the use-case layer for the sales history: orders with
// lines (totals computed in integer minor units with backend/money), the
// payment state (paid, due, overdue by the user's day), the list of
// overdue payments, each customer's purchase frequency (the median
// interval between order days) and the re-order reminders it drives: a
// task made once per customer and expected date through backend/tasks.
package orders

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"fieldbook/backend/crm"
	"fieldbook/backend/money"
	"fieldbook/backend/tasks"
)

// Store is what this package needs from persistence.
type Store interface {
	CreateOrder(ctx context.Context, o crm.Order) (crm.Order, error)
	UpdateOrder(ctx context.Context, o crm.Order, baseVersion int) error
	DeleteOrder(ctx context.Context, id string, baseVersion int, at time.Time) error
	RestoreOrder(ctx context.Context, id string, at time.Time) (crm.Order, error)
	GetOrder(ctx context.Context, id string) (crm.Order, error)
	ListOrders(ctx context.Context, q crm.OrderListQuery) (crm.OrderPage, error)
	OverdueOrders(ctx context.Context, today string) ([]crm.Order, error)
	CustomerOrderDates(ctx context.Context, key string) ([]crm.CustomerOrderDates, error)
	OrderDates(ctx context.Context, companyID, contactID string) ([]string, error)
	ReorderTask(ctx context.Context, key, expected string) (taskID string, ok bool, err error)
	SaveReorderTask(ctx context.Context, r crm.ReorderReminder, at time.Time) error
	UnsettledReorders(ctx context.Context) ([]crm.ReorderReminder, error)
	SettleReorder(ctx context.Context, key, expected string, at time.Time) error
	ReorderTasks(ctx context.Context) (map[string]string, error)
	LinkNames(ctx context.Context, contactIDs, companyIDs []string) (contacts, companies map[string]string, err error)
	GetContact(ctx context.Context, id string) (crm.Contact, error)
	GetCompany(ctx context.Context, id string) (crm.Company, error)
	Setting(ctx context.Context, key string) (string, bool, error)
	SetSetting(ctx context.Context, key, value string) error
}

// Zones tells the user's zone: "today" and "overdue" are the user's day.
type Zones interface {
	UserLocation(ctx context.Context) (*time.Location, error)
}

// Tasks makes the re-order tasks (backend/tasks' Service), so they are
// ordinary tasks the reminder scheduler sees.
type Tasks interface {
	Create(ctx context.Context, calendarID string, f crm.TaskFields) (tasks.Item, error)
	Get(ctx context.Context, id string) (tasks.Item, error)
	Complete(ctx context.Context, id string, baseVersion int, done bool) (tasks.Item, error)
}

// Limits.
const (
	// MaxPage is the largest window List returns at once.
	MaxPage     = 500
	maxLines    = 500
	maxShort    = 500
	maxNotes    = 100_000
	maxNumber   = 50
	maxQuantity = 1_000_000_000
	// DefaultLeadDays is how many days before a customer's expected
	// re-order date the reminder task is made, until the user sets
	// another (setting LeadDaysSetting).
	DefaultLeadDays = 7
	// MaxLeadDays bounds the lead.
	MaxLeadDays = 365
	// LeadDaysSetting is the settings key of the lead days.
	LeadDaysSetting = "reorder_lead_days"
)

// Service manages orders and re-order reminders.
type Service struct {
	store Store
	clock crm.Clock
	zones Zones
	tasks Tasks
	title func(customer string) string
	notes func(c CustomerFrequency) string

	checking sync.Mutex // one re-order check at a time
}

// Option configures New.
type Option func(*Service)

// WithTaskTitle sets how a re-order task is titled for a customer's name
// (default "Re-order due: <name>"), so it can follow the UI language.
func WithTaskTitle(f func(customer string) string) Option { return func(s *Service) { s.title = f } }

// WithTaskNotes sets the notes of a re-order task from the customer's
// buying rhythm (default: ReorderNotes in English), so they can follow the
// UI language.
func WithTaskNotes(f func(c CustomerFrequency) string) Option {
	return func(s *Service) { s.notes = f }
}

// ReorderNotes is the default note of a re-order task: the customer's
// rhythm, last order and expected next order.
func ReorderNotes(c CustomerFrequency) string {
	return fmt.Sprintf("Orders about every %d days (%d orders). Last order %s; next expected %s.",
		c.MedianDays, c.Orders, c.LastOrder, c.NextExpected)
}

// New returns a Service over st, stamping changes with clock, reading the
// user's day in zones and making re-order tasks with tk.
func New(st Store, clock crm.Clock, zones Zones, tk Tasks, opts ...Option) *Service {
	s := &Service{store: st, clock: clock, zones: zones, tasks: tk,
		title: func(name string) string { return "Re-order due: " + name }, notes: ReorderNotes}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Item is an order as lists show it: with its customer's names and its
// payment state on the user's today.
type Item struct {
	crm.Order
	CompanyName string
	ContactName string
	// State is crm.PaymentPaid, crm.PaymentDue or crm.PaymentOverdue.
	State string
	// DaysOverdue counts the days since the due date of an overdue order.
	DaysOverdue int
}

// Page is a window of orders and how many match in all.
type Page struct {
	Items []Item
	Total int
}

// Today is the user's date (YYYY-MM-DD) at the clock's now.
func (s *Service) Today(ctx context.Context) (string, error) {
	loc, err := s.zones.UserLocation(ctx)
	if err != nil {
		return "", err
	}
	return s.clock.Now().In(loc).Format(crm.LocalDateLayout), nil
}

// Create validates f and stores it as a new order.
func (s *Service) Create(ctx context.Context, f crm.OrderFields) (Item, error) {
	today, err := s.Today(ctx)
	if err != nil {
		return Item{}, err
	}
	f, total, err := s.normalize(ctx, f, crm.OrderFields{}, today)
	if err != nil {
		return Item{}, err
	}
	now := s.clock.Now()
	o, err := s.store.CreateOrder(ctx, crm.Order{ID: crm.NewID(now), OrderFields: f, Total: total, Version: 1, CreatedAt: now, UpdatedAt: now})
	if err != nil {
		return Item{}, err
	}
	return s.item(ctx, o, today)
}

// Update replaces the fields of order id, which the user saw at
// baseVersion (crm.CodeVersionConflict when it changed since).
func (s *Service) Update(ctx context.Context, id string, baseVersion int, f crm.OrderFields) (Item, error) {
	cur, err := s.live(ctx, id, baseVersion)
	if err != nil {
		return Item{}, err
	}
	today, err := s.Today(ctx)
	if err != nil {
		return Item{}, err
	}
	if strings.TrimSpace(f.Number) == "" {
		f.Number = cur.Number
	}
	f, total, err := s.normalize(ctx, f, cur.OrderFields, today)
	if err != nil {
		return Item{}, err
	}
	return s.write(ctx, cur, f, total, today)
}

// write stores f over cur when something changed.
func (s *Service) write(ctx context.Context, cur crm.Order, f crm.OrderFields, total crm.Money, today string) (Item, error) {
	if sameFields(cur.OrderFields, f) {
		return s.item(ctx, cur, today)
	}
	next := cur
	next.OrderFields, next.Total = f, total
	next.Version, next.UpdatedAt = cur.Version+1, s.clock.Now()
	if err := s.store.UpdateOrder(ctx, next, cur.Version); err != nil {
		return Item{}, err
	}
	o, err := s.store.GetOrder(ctx, cur.ID)
	if err != nil {
		return Item{}, err
	}
	return s.item(ctx, o, today)
}

func sameFields(a, b crm.OrderFields) bool {
	if !slices.Equal(a.Lines, b.Lines) {
		return false
	}
	type scalars struct {
		number, company, contact, date, currency, status, due, paid, notes, deal string
	}
	pick := func(f crm.OrderFields) scalars {
		return scalars{f.Number, f.CompanyID, f.ContactID, f.OrderDate, f.Currency, f.PaymentStatus, f.DueDate, f.PaidAt, f.Notes, f.DealID}
	}
	return pick(a) == pick(b)
}

// live reads order id and checks it is live and at baseVersion.
func (s *Service) live(ctx context.Context, id string, baseVersion int) (crm.Order, error) {
	cur, err := s.store.GetOrder(ctx, id)
	if err != nil {
		return cur, err
	}
	if cur.DeletedAt != nil {
		return cur, crm.Errorf(crm.CodeNotFound, "order %s was deleted", id)
	}
	if cur.Version != baseVersion {
		return cur, crm.Errorf(crm.CodeVersionConflict,
			"order %s changed elsewhere: it is at version %d, the edit was based on version %d", id, cur.Version, baseVersion)
	}
	return cur, nil
}

// MarkPaid records that order id (seen at baseVersion) was paid on paidAt
// (YYYY-MM-DD; "" is the user's today).
func (s *Service) MarkPaid(ctx context.Context, id string, baseVersion int, paidAt string) (Item, error) {
	cur, err := s.live(ctx, id, baseVersion)
	if err != nil {
		return Item{}, err
	}
	today, err := s.Today(ctx)
	if err != nil {
		return Item{}, err
	}
	f := cur.OrderFields
	f.PaymentStatus, f.PaidAt = crm.PaymentPaid, strings.TrimSpace(paidAt)
	if f.PaidAt == "" {
		f.PaidAt = today
	}
	if f.PaidAt, err = date("paidAt", f.PaidAt); err != nil {
		return Item{}, err
	}
	return s.write(ctx, cur, f, cur.Total, today)
}

// MarkDue records that order id (seen at baseVersion) is not paid after all.
func (s *Service) MarkDue(ctx context.Context, id string, baseVersion int) (Item, error) {
	cur, err := s.live(ctx, id, baseVersion)
	if err != nil {
		return Item{}, err
	}
	today, err := s.Today(ctx)
	if err != nil {
		return Item{}, err
	}
	f := cur.OrderFields
	f.PaymentStatus, f.PaidAt = crm.PaymentDue, ""
	return s.write(ctx, cur, f, cur.Total, today)
}

// Delete tombstones order id, seen at baseVersion.
func (s *Service) Delete(ctx context.Context, id string, baseVersion int) error {
	return s.store.DeleteOrder(ctx, id, baseVersion, s.clock.Now())
}

// Restore brings back a deleted order.
func (s *Service) Restore(ctx context.Context, id string) (Item, error) {
	o, err := s.store.RestoreOrder(ctx, id, s.clock.Now())
	if err != nil {
		return Item{}, err
	}
	today, err := s.Today(ctx)
	if err != nil {
		return Item{}, err
	}
	return s.item(ctx, o, today)
}

// Get returns one order, live or deleted.
func (s *Service) Get(ctx context.Context, id string) (Item, error) {
	o, err := s.store.GetOrder(ctx, id)
	if err != nil {
		return Item{}, err
	}
	today, err := s.Today(ctx)
	if err != nil {
		return Item{}, err
	}
	return s.item(ctx, o, today)
}

// List returns a window of live orders (newest first) of q's customer and
// payment state (Today is filled in here).
func (s *Service) List(ctx context.Context, q crm.OrderListQuery) (Page, error) {
	if q.Offset < 0 {
		return Page{}, crm.FieldError(crm.CodeInvalidInput, "offset", "offset must not be negative")
	}
	if q.Limit <= 0 || q.Limit > MaxPage {
		return Page{}, crm.FieldError(crm.CodeInvalidInput, "limit", fmt.Sprintf("limit must be between 1 and %d", MaxPage))
	}
	today, err := s.Today(ctx)
	if err != nil {
		return Page{}, err
	}
	q.Today = today
	page, err := s.store.ListOrders(ctx, q)
	if err != nil {
		return Page{}, err
	}
	items, err := s.items(ctx, page.Orders, today)
	return Page{Items: items, Total: page.Total}, err
}

// Overdue returns the orders whose payment is overdue on the user's today,
// the most days overdue first (then the larger amount in the same
// currency, then the number).
func (s *Service) Overdue(ctx context.Context) ([]Item, error) {
	today, err := s.Today(ctx)
	if err != nil {
		return nil, err
	}
	due, err := s.store.OverdueOrders(ctx, today)
	if err != nil {
		return nil, err
	}
	items, err := s.items(ctx, due, today)
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(items, func(a, b Item) int {
		if a.DaysOverdue != b.DaysOverdue {
			return b.DaysOverdue - a.DaysOverdue
		}
		if a.Total.Currency == b.Total.Currency && a.Total.Minor != b.Total.Minor {
			if a.Total.Minor > b.Total.Minor {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Number, b.Number)
	})
	return items, nil
}

// item adds names and the payment state to one order.
func (s *Service) item(ctx context.Context, o crm.Order, today string) (Item, error) {
	items, err := s.items(ctx, []crm.Order{o}, today)
	if err != nil {
		return Item{}, err
	}
	return items[0], nil
}

func (s *Service) items(ctx context.Context, list []crm.Order, today string) ([]Item, error) {
	var contactIDs, companyIDs []string
	for _, o := range list {
		if o.ContactID != "" {
			contactIDs = append(contactIDs, o.ContactID)
		}
		if o.CompanyID != "" {
			companyIDs = append(companyIDs, o.CompanyID)
		}
	}
	slices.Sort(contactIDs)
	slices.Sort(companyIDs)
	contacts, companies, err := s.store.LinkNames(ctx, slices.Compact(contactIDs), slices.Compact(companyIDs))
	if err != nil {
		return nil, err
	}
	out := make([]Item, len(list))
	for i, o := range list {
		it := Item{Order: o, ContactName: contacts[o.ContactID], CompanyName: companies[o.CompanyID], State: o.PaymentState(today)}
		if it.State == crm.PaymentOverdue {
			it.DaysOverdue = daysFrom(o.DueDate, today)
		}
		out[i] = it
	}
	return out, nil
}

// daysFrom counts the days from a to b (YYYY-MM-DD); 0 when either is not a date.
func daysFrom(a, b string) int {
	ta, err1 := time.Parse(crm.LocalDateLayout, a)
	tb, err2 := time.Parse(crm.LocalDateLayout, b)
	if err1 != nil || err2 != nil {
		return 0
	}
	return daysBetween(ta, tb)
}

// normalize trims and checks f and computes the line totals and the
// order's total; cur is the order before the edit (zero for a new one).
func (s *Service) normalize(ctx context.Context, f, cur crm.OrderFields, today string) (crm.OrderFields, crm.Money, error) {
	var err error
	f.Number = crm.CleanLine(f.Number)
	if utf8.RuneCountInString(f.Number) > maxNumber {
		return f, crm.Money{}, crm.FieldError(crm.CodeInvalidInput, "number", fmt.Sprintf("an order number has at most %d characters", maxNumber))
	}
	if err := s.checkCustomer(ctx, &f, cur); err != nil {
		return f, crm.Money{}, err
	}
	if f.OrderDate = strings.TrimSpace(f.OrderDate); f.OrderDate == "" {
		f.OrderDate = today
	}
	if f.OrderDate, err = date("orderDate", f.OrderDate); err != nil {
		return f, crm.Money{}, err
	}
	if f.Currency, err = money.Code(f.Currency); err != nil {
		return f, crm.Money{}, err
	}
	total, err := computeLines(&f)
	if err != nil {
		return f, crm.Money{}, err
	}
	switch f.PaymentStatus = strings.TrimSpace(f.PaymentStatus); f.PaymentStatus {
	case "":
		f.PaymentStatus = crm.PaymentDue
	case crm.PaymentPaid, crm.PaymentDue:
	default:
		return f, crm.Money{}, crm.FieldError(crm.CodeInvalidInput, "paymentStatus", fmt.Sprintf("%q is not a payment status (paid or due)", f.PaymentStatus))
	}
	if f.DueDate, err = date("dueDate", strings.TrimSpace(f.DueDate)); err != nil {
		return f, crm.Money{}, err
	}
	if f.DueDate != "" && f.DueDate < f.OrderDate {
		return f, crm.Money{}, crm.FieldError(crm.CodeDateInvalid, "dueDate", "the payment cannot be due before the order date")
	}
	f.PaidAt = strings.TrimSpace(f.PaidAt)
	if f.PaymentStatus == crm.PaymentDue {
		f.PaidAt = ""
	} else if f.PaidAt == "" {
		f.PaidAt = today
	}
	if f.PaidAt, err = date("paidAt", f.PaidAt); err != nil {
		return f, crm.Money{}, err
	}
	f.Notes = strings.TrimSpace(strings.ToValidUTF8(f.Notes, "\uFFFD"))
	if utf8.RuneCountInString(f.Notes) > maxNotes {
		return f, crm.Money{}, crm.FieldError(crm.CodeInvalidInput, "notes", fmt.Sprintf("notes are longer than %d characters", maxNotes))
	}
	f.DealID = strings.TrimSpace(f.DealID)
	return f, total, nil
}

// computeLines checks the lines of f (a product, a quantity of at least 1, a
// price that is not negative and in the order's currency) and fills in
// their totals; it returns the order's total.
func computeLines(f *crm.OrderFields) (crm.Money, error) {
	total := crm.Money{Currency: f.Currency}
	if len(f.Lines) == 0 {
		return total, crm.FieldError(crm.CodeInvalidInput, "lines", "an order needs at least one line")
	}
	if len(f.Lines) > maxLines {
		return total, crm.FieldError(crm.CodeInvalidInput, "lines", fmt.Sprintf("an order has at most %d lines", maxLines))
	}
	lines := make([]crm.OrderLine, len(f.Lines))
	for i, l := range f.Lines {
		field := func(name string) string { return fmt.Sprintf("lines.%d.%s", i, name) }
		l.Product = crm.CleanLine(l.Product)
		if l.Product == "" {
			return total, crm.FieldError(crm.CodeInvalidInput, field("product"), "a line needs a product")
		}
		if utf8.RuneCountInString(l.Product) > maxShort {
			return total, crm.FieldError(crm.CodeInvalidInput, field("product"), fmt.Sprintf("a product has at most %d characters", maxShort))
		}
		if l.Quantity < 1 || l.Quantity > maxQuantity {
			return total, crm.FieldError(crm.CodeInvalidInput, field("quantity"), fmt.Sprintf("the quantity is a whole number from 1 to %d", maxQuantity))
		}
		if l.UnitPrice.Currency == "" {
			l.UnitPrice.Currency = f.Currency
		}
		if c, err := money.Code(l.UnitPrice.Currency); err != nil || c != f.Currency {
			return total, crm.FieldError(crm.CodeCurrencyInvalid, field("unitPrice"),
				fmt.Sprintf("the line's price is in %s; the order is in %s", l.UnitPrice.Currency, f.Currency))
		}
		l.UnitPrice.Currency = f.Currency
		if l.UnitPrice.Minor < 0 {
			return total, crm.FieldError(crm.CodeAmountInvalid, field("unitPrice"), "a price is not negative")
		}
		var err error
		if l.Total, err = money.Times(l.UnitPrice, l.Quantity); err != nil {
			return total, crm.FieldError(crm.CodeAmountInvalid, field("unitPrice"), "the line's total is too large")
		}
		if total, err = money.Add(total, l.Total); err != nil {
			return total, crm.FieldError(crm.CodeAmountInvalid, "lines", "the order's total is too large")
		}
		lines[i] = l
	}
	f.Lines = lines
	return total, nil
}

// checkCustomer checks that the order has a customer and that a newly
// linked company or contact exists and is live.
func (s *Service) checkCustomer(ctx context.Context, f *crm.OrderFields, cur crm.OrderFields) error {
	f.CompanyID, f.ContactID = strings.TrimSpace(f.CompanyID), strings.TrimSpace(f.ContactID)
	if f.CompanyID == "" && f.ContactID == "" {
		return crm.FieldError(crm.CodeInvalidInput, "customer", "an order needs a customer: a company or a contact")
	}
	if f.CompanyID != "" && f.CompanyID != cur.CompanyID {
		c, err := s.store.GetCompany(ctx, f.CompanyID)
		if err == nil && c.DeletedAt != nil {
			err = crm.Errorf(crm.CodeNotFound, "company %s was deleted", f.CompanyID)
		}
		if err != nil {
			return crm.FieldError(crm.CodeNotFound, "companyId", err.Error())
		}
	}
	if f.ContactID != "" && f.ContactID != cur.ContactID {
		c, err := s.store.GetContact(ctx, f.ContactID)
		if err == nil && c.DeletedAt != nil {
			err = crm.Errorf(crm.CodeNotFound, "contact %s was deleted", f.ContactID)
		}
		if err != nil {
			return crm.FieldError(crm.CodeNotFound, "contactId", err.Error())
		}
	}
	return nil
}

// date checks a YYYY-MM-DD value ("" passes).
func date(field, v string) (string, error) {
	if v == "" {
		return "", nil
	}
	t, err := time.Parse(crm.LocalDateLayout, v)
	if err != nil {
		return v, crm.FieldError(crm.CodeDateInvalid, field, fmt.Sprintf("%q is not a date (YYYY-MM-DD)", v))
	}
	return t.Format(crm.LocalDateLayout), nil
}

// Preview is what the editor shows while lines are typed: each line's
// total (nil for a line that is not valid yet) and the sum of the valid
// lines, in currency.
type Preview struct {
	Lines []*crm.Money
	Total crm.Money
}

// PreviewLines computes the totals of lines in currency without storing
// anything; only a currency that is not one is an error.
func PreviewLines(currency string, lines []crm.OrderLine) (Preview, error) {
	code, err := money.Code(currency)
	if err != nil {
		return Preview{}, err
	}
	p := Preview{Lines: make([]*crm.Money, len(lines)), Total: crm.Money{Currency: code}}
	for i, l := range lines {
		f := crm.OrderFields{Currency: code, Lines: []crm.OrderLine{l}}
		if l.Product == "" {
			f.Lines[0].Product = "-" // a line without a product yet still shows its total
		}
		t, err := computeLines(&f)
		if err != nil {
			continue
		}
		if sum, err := money.Add(p.Total, t); err == nil {
			p.Total = sum
			p.Lines[i] = &t
		}
	}
	return p, nil
}
