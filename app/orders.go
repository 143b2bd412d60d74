package app

import (
	"context"
	"fmt"
	"log/slog"
	"strings"

	"fieldbook/backend/crm"
	"fieldbook/backend/orders"
)

// EventOrdersChanged follows every change to orders (and a change of the
// re-order lead, which moves the re-order list).
const EventOrdersChanged = "orders:changed"

// customerOrdersWindow is how many of a customer's newest orders its page shows.
const customerOrdersWindow = 50

// OrdersService is bound to the front end: orders, overdue payments,
// purchase frequency and re-order reminders.
type OrdersService struct {
	ctx    context.Context
	svc    *orders.Service
	lang   func() string
	events Emitter
	log    *slog.Logger
	sched  *orders.Scheduler
}

// NewOrdersService wraps the order use cases for the binding; lang gives
// the UI language amounts are written for. Its re-order scheduler starts
// with Start.
func NewOrdersService(ctx context.Context, svc *orders.Service, lang func() string, events Emitter, log *slog.Logger) *OrdersService {
	if log == nil {
		log = slog.Default()
	}
	s := &OrdersService{ctx: ctx, svc: svc, lang: lang, events: events, log: log}
	s.sched = orders.NewScheduler(svc, func(orders.Check) { s.tasksChanged() },
		func(err error) { log.Error("re-order check failed", "err", err) })
	return s
}

// reorderTitle names a re-order task in the UI language.
func reorderTitle(lang func() string) func(string) string {
	return func(name string) string {
		if strings.HasPrefix(lang(), "bn") {
			return "পুনরায় অর্ডারের সময়: " + name
		}
		return "Re-order due: " + name
	}
}

// reorderNotes writes a re-order task's notes in the UI language.
func reorderNotes(lang func() string) func(orders.CustomerFrequency) string {
	return func(c orders.CustomerFrequency) string {
		if strings.HasPrefix(lang(), "bn") {
			return fmt.Sprintf("প্রায় প্রতি %d দিনে অর্ডার করেন (%d টি অর্ডার)। শেষ অর্ডার %s; পরের অর্ডার আশা করা হচ্ছে %s।",
				c.MedianDays, c.Orders, c.LastOrder, c.NextExpected)
		}
		return orders.ReorderNotes(c)
	}
}

func (s *OrdersService) tasksChanged() {
	s.events.Emit(EventTasksChanged)
	s.events.Emit(EventStatusChanged)
	s.events.Emit(EventOrdersChanged)
}

// changed announces an order change and runs the re-order check, since
// the change may move a customer's expected date.
func (s *OrdersService) changed() {
	s.events.Emit(EventOrdersChanged)
	done, err := s.svc.CheckReorders(s.ctx)
	if err != nil {
		s.log.Error("re-order check after an order change failed", "err", err)
	}
	if done.Changed() {
		s.tasksChanged()
	}
}

// List returns a window of orders.
func (s *OrdersService) List(q OrderQuery) (OrderPage, error) {
	page, err := s.svc.List(s.ctx, crm.OrderListQuery{CompanyID: q.CompanyID, ContactID: q.ContactID, Status: q.Status, Offset: q.Offset, Limit: q.Limit})
	if err != nil {
		return OrderPage{}, err
	}
	return OrderPage{Items: toOrderDTOs(page.Items, s.lang()), Total: page.Total, Offset: q.Offset}, nil
}

// Get returns one order (live or deleted).
func (s *OrdersService) Get(id string) (OrderDTO, error) {
	it, err := s.svc.Get(s.ctx, id)
	if err != nil {
		return OrderDTO{}, err
	}
	return toOrderDTO(it, s.lang()), nil
}

// Create adds an order.
func (s *OrdersService) Create(in OrderInput) (OrderDTO, error) {
	f, err := in.fields()
	if err != nil {
		return OrderDTO{}, err
	}
	it, err := s.svc.Create(s.ctx, f)
	if err != nil {
		return OrderDTO{}, err
	}
	s.changed()
	return toOrderDTO(it, s.lang()), nil
}

// Update saves an edit made to the given version of order id.
func (s *OrdersService) Update(id string, version int, in OrderInput) (OrderDTO, error) {
	f, err := in.fields()
	if err != nil {
		return OrderDTO{}, err
	}
	it, err := s.svc.Update(s.ctx, id, version, f)
	if err != nil {
		return OrderDTO{}, err
	}
	if it.Version != version {
		s.changed()
	}
	return toOrderDTO(it, s.lang()), nil
}

// Delete deletes the given version of an order (Restore undoes it).
func (s *OrdersService) Delete(id string, version int) error {
	if err := s.svc.Delete(s.ctx, id, version); err != nil {
		return err
	}
	s.changed()
	return nil
}

// Restore brings back a deleted order.
func (s *OrdersService) Restore(id string) (OrderDTO, error) {
	it, err := s.svc.Restore(s.ctx, id)
	if err != nil {
		return OrderDTO{}, err
	}
	s.changed()
	return toOrderDTO(it, s.lang()), nil
}

// MarkPaid records the payment of the given version of order id on paidAt
// (YYYY-MM-DD; "" is today).
func (s *OrdersService) MarkPaid(id string, version int, paidAt string) (OrderDTO, error) {
	it, err := s.svc.MarkPaid(s.ctx, id, version, paidAt)
	if err != nil {
		return OrderDTO{}, err
	}
	if it.Version != version {
		s.events.Emit(EventOrdersChanged)
	}
	return toOrderDTO(it, s.lang()), nil
}

// MarkDue undoes MarkPaid: the order is due again.
func (s *OrdersService) MarkDue(id string, version int) (OrderDTO, error) {
	it, err := s.svc.MarkDue(s.ctx, id, version)
	if err != nil {
		return OrderDTO{}, err
	}
	if it.Version != version {
		s.events.Emit(EventOrdersChanged)
	}
	return toOrderDTO(it, s.lang()), nil
}

// Preview computes the line totals and the order total of what the editor
// holds, without saving (lines not valid yet are left out).
func (s *OrdersService) Preview(in OrderInput) (OrderPreview, error) {
	code := strings.ToUpper(strings.TrimSpace(in.Currency))
	lines, _ := readLines(code, in.Lines, true) // lenient: never an error
	p, err := orders.PreviewLines(code, lines)
	if err != nil {
		return OrderPreview{}, err
	}
	lang := s.lang()
	out := OrderPreview{Lines: make([]*Money, len(p.Lines)), Total: toMoneyDTO(p.Total, lang)}
	for i, m := range p.Lines {
		out.Lines[i] = toMoneyPtr(m, lang)
	}
	return out, nil
}

// ForCompany is the Orders section of a company's page.
func (s *OrdersService) ForCompany(companyID string) (CustomerOrders, error) {
	return s.customer(strings.TrimSpace(companyID), "")
}

// ForContact is the Orders section of a contact's page (every order naming
// the contact, also those of its company).
func (s *OrdersService) ForContact(contactID string) (CustomerOrders, error) {
	return s.customer("", strings.TrimSpace(contactID))
}

func (s *OrdersService) customer(companyID, contactID string) (CustomerOrders, error) {
	if companyID == "" && contactID == "" {
		return CustomerOrders{}, crm.FieldError(crm.CodeInvalidInput, "id", "no customer named")
	}
	page, err := s.svc.List(s.ctx, crm.OrderListQuery{CompanyID: companyID, ContactID: contactID, Limit: customerOrdersWindow})
	if err != nil {
		return CustomerOrders{}, err
	}
	f, status, err := s.svc.FrequencyOf(s.ctx, companyID, contactID)
	if err != nil {
		return CustomerOrders{}, err
	}
	return CustomerOrders{Items: toOrderDTOs(page.Items, s.lang()), Total: page.Total, Frequency: toPurchaseFrequency(f, status)}, nil
}

// Overdue lists the orders whose payment is overdue, the longest overdue first.
func (s *OrdersService) Overdue() ([]OrderDTO, error) {
	items, err := s.svc.Overdue(s.ctx)
	if err != nil {
		return nil, err
	}
	return toOrderDTOs(items, s.lang()), nil
}

// Frequencies lists every customer's purchase rhythm, the most urgent
// re-order first.
func (s *OrdersService) Frequencies(q FrequencyQuery) ([]CustomerFrequency, error) {
	cs, err := s.svc.Frequencies(s.ctx, q.Query)
	if err != nil {
		return nil, err
	}
	out := make([]CustomerFrequency, len(cs))
	for i, c := range cs {
		out[i] = CustomerFrequency{Key: c.Key, CompanyID: c.CompanyID, ContactID: c.ContactID, Name: c.Name,
			PurchaseFrequency: toPurchaseFrequency(c.Frequency, c.Status), TaskID: c.TaskID}
	}
	return out, nil
}

// CheckReorders runs the re-order check now and returns how many tasks it made.
func (s *OrdersService) CheckReorders() (int, error) {
	done, err := s.svc.CheckReorders(s.ctx)
	if done.Changed() {
		s.tasksChanged()
	}
	return len(done.Made), err
}

// ReorderSettings returns the re-order lead.
func (s *OrdersService) ReorderSettings() (ReorderSettings, error) {
	d, err := s.svc.LeadDays(s.ctx)
	return ReorderSettings{LeadDays: d}, err
}

// SetReorderSettings changes the re-order lead and checks again.
func (s *OrdersService) SetReorderSettings(in ReorderSettings) (ReorderSettings, error) {
	if err := s.svc.SetLeadDays(s.ctx, in.LeadDays); err != nil {
		return ReorderSettings{}, err
	}
	s.changed()
	return s.ReorderSettings()
}

// Re-order scheduler lifecycle, kept off OrdersService so the front end
// cannot call it.

// StartReorders runs the re-order check now and then once per user day.
func (s *Services) StartReorders(ctx context.Context) { s.Orders.sched.Start(ctx) }

// StopReorders stops the re-order schedule.
func (s *Services) StopReorders() { s.Orders.sched.Stop() }
