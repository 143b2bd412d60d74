package orders

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"fieldbook/backend/crm"
)

// CustomerFrequency is one customer's purchase rhythm and re-order state.
type CustomerFrequency struct {
	// Key is crm.OrderFields.CustomerKey: "company:<id>" or "contact:<id>".
	Key       string
	CompanyID string
	ContactID string
	Name      string
	Frequency
	// Status is ReorderOK, ReorderDueSoon, ReorderOverdue, or "" without
	// an expected date.
	Status string
	// TaskID is the latest re-order task made for the customer, "" if none.
	TaskID string
}

// LeadDays is how many days before an expected re-order the reminder task
// is made (DefaultLeadDays until set).
func (s *Service) LeadDays(ctx context.Context) (int, error) {
	v, ok, err := s.store.Setting(ctx, LeadDaysSetting)
	if err != nil || !ok {
		return DefaultLeadDays, err
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > MaxLeadDays {
		return DefaultLeadDays, nil
	}
	return n, nil
}

// SetLeadDays sets the re-order lead (0 to MaxLeadDays days).
func (s *Service) SetLeadDays(ctx context.Context, days int) error {
	if days < 0 || days > MaxLeadDays {
		return crm.FieldError(crm.CodeInvalidInput, "leadDays", fmt.Sprintf("the lead is from 0 to %d days", MaxLeadDays))
	}
	return s.store.SetSetting(ctx, LeadDaysSetting, strconv.Itoa(days))
}

// Frequencies returns the purchase rhythm of every customer with orders
// whose name contains query (case-insensitive; "" for all), the most
// urgent first: overdue, then due soon (each by expected date), then the
// others by expected date, customers with a single order day last.
func (s *Service) Frequencies(ctx context.Context, query string) ([]CustomerFrequency, error) {
	today, err := s.Today(ctx)
	if err != nil {
		return nil, err
	}
	lead, err := s.LeadDays(ctx)
	if err != nil {
		return nil, err
	}
	all, err := s.frequencies(ctx, today, lead)
	if err != nil {
		return nil, err
	}
	tasks, err := s.store.ReorderTasks(ctx)
	if err != nil {
		return nil, err
	}
	q := strings.ToLower(strings.TrimSpace(query))
	out := all[:0]
	for _, c := range all {
		if q != "" && !strings.Contains(strings.ToLower(c.Name), q) {
			continue
		}
		c.TaskID = tasks[c.Key]
		out = append(out, c)
	}
	rank := map[string]int{ReorderOverdue: 0, ReorderDueSoon: 1, ReorderOK: 2, "": 3}
	slices.SortStableFunc(out, func(a, b CustomerFrequency) int {
		if d := rank[a.Status] - rank[b.Status]; d != 0 {
			return d
		}
		if c := strings.Compare(a.NextExpected, b.NextExpected); c != 0 {
			return c
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out, nil
}

// frequencies reads every customer's rhythm and name (customers whose
// company or contact is gone by name are kept with an empty name).
func (s *Service) frequencies(ctx context.Context, today string, lead int) ([]CustomerFrequency, error) {
	groups, err := s.store.CustomerOrderDates(ctx, "")
	if err != nil {
		return nil, err
	}
	var contactIDs, companyIDs []string
	for _, g := range groups {
		if g.CompanyID != "" {
			companyIDs = append(companyIDs, g.CompanyID)
		} else {
			contactIDs = append(contactIDs, g.ContactID)
		}
	}
	contacts, companies, err := s.store.LinkNames(ctx, contactIDs, companyIDs)
	if err != nil {
		return nil, err
	}
	out := make([]CustomerFrequency, 0, len(groups))
	for _, g := range groups {
		f, err := PurchaseFrequency(g.Dates)
		if err != nil {
			return nil, err
		}
		c := CustomerFrequency{Key: g.Key, CompanyID: g.CompanyID, ContactID: g.ContactID, Frequency: f, Status: f.Status(today, lead)}
		if g.CompanyID != "" {
			c.Name = companies[g.CompanyID]
		} else {
			c.Name = contacts[g.ContactID]
		}
		out = append(out, c)
	}
	return out, nil
}

// FrequencyOf is the purchase rhythm of company companyID or, when it is
// "", of contact contactID (every order naming the contact), with its
// status on the user's today.
func (s *Service) FrequencyOf(ctx context.Context, companyID, contactID string) (Frequency, string, error) {
	dates, err := s.store.OrderDates(ctx, companyID, contactID)
	if err != nil {
		return Frequency{}, "", err
	}
	f, err := PurchaseFrequency(dates)
	if err != nil {
		return Frequency{}, "", err
	}
	today, err := s.Today(ctx)
	if err != nil {
		return Frequency{}, "", err
	}
	lead, err := s.LeadDays(ctx)
	if err != nil {
		return Frequency{}, "", err
	}
	return f, f.Status(today, lead), nil
}

// Check is what a re-order check did: the tasks it made and the tasks it
// completed because their customer ordered again.
type Check struct {
	Made      []string
	Completed []string
}

// Changed tells whether the check touched any task.
func (c Check) Changed() bool { return len(c.Made)+len(c.Completed) > 0 }

// CheckReorders makes one task "Re-order due: <customer>" for every
// customer whose next order is expected within the lead days or is past,
// due on the expected date (09:00 in the user's zone, with a reminder
// then) and linked to the company or contact. A customer gets one task per
// expected date: a task deleted or completed is not made again. When a
// customer orders again, the open task of the earlier expectation is
// completed (and a new one made when the new date comes near). Customers
// since deleted are skipped.
func (s *Service) CheckReorders(ctx context.Context) (Check, error) {
	s.checking.Lock()
	defer s.checking.Unlock()
	var done Check
	today, err := s.Today(ctx)
	if err != nil {
		return done, err
	}
	lead, err := s.LeadDays(ctx)
	if err != nil {
		return done, err
	}
	all, err := s.frequencies(ctx, today, lead)
	if err != nil {
		return done, err
	}
	if done.Completed, err = s.settle(ctx, all); err != nil {
		return done, err
	}
	for _, c := range all {
		if c.Status != ReorderDueSoon && c.Status != ReorderOverdue {
			continue
		}
		if _, ok, err := s.store.ReorderTask(ctx, c.Key, c.NextExpected); err != nil || ok {
			if err != nil {
				return done, err
			}
			continue
		}
		if gone, err := s.customerGone(ctx, c); err != nil || gone {
			if err != nil {
				return done, err
			}
			continue
		}
		it, err := s.tasks.Create(ctx, "", crm.TaskFields{
			Title:     s.title(c.Name),
			Notes:     s.notes(c),
			Due:       c.NextExpected + "T09:00:00",
			Reminders: []crm.Reminder{{MinutesBefore: 0}},
			CompanyID: c.CompanyID,
			ContactID: c.ContactID,
		})
		if err != nil {
			return done, fmt.Errorf("orders: re-order task for %s: %w", c.Key, err)
		}
		r := crm.ReorderReminder{CustomerKey: c.Key, ExpectedDate: c.NextExpected, LastOrder: c.LastOrder, TaskID: it.ID}
		if err := s.store.SaveReorderTask(ctx, r, s.clock.Now()); err != nil {
			return done, err
		}
		done.Made = append(done.Made, it.ID)
	}
	return done, nil
}

// settle completes the open tasks of reminders whose customer has ordered
// since (an order after the reminder's last order) and returns them.
func (s *Service) settle(ctx context.Context, all []CustomerFrequency) ([]string, error) {
	open, err := s.store.UnsettledReorders(ctx)
	if err != nil || len(open) == 0 {
		return nil, err
	}
	last := make(map[string]string, len(all))
	for _, c := range all {
		last[c.Key] = c.LastOrder
	}
	var completed []string
	for _, r := range open {
		if last[r.CustomerKey] <= r.LastOrder {
			continue
		}
		t, err := s.tasks.Get(ctx, r.TaskID)
		switch {
		case crm.ErrorCode(err) == crm.CodeNotFound:
		case err != nil:
			return completed, err
		case t.DeletedAt == nil && t.Status != crm.TaskCompleted && t.Status != crm.TaskCancelled:
			if _, err := s.tasks.Complete(ctx, t.ID, t.Version, true); err != nil && crm.ErrorCode(err) != crm.CodeVersionConflict {
				return completed, fmt.Errorf("orders: complete re-order task %s: %w", t.ID, err)
			}
			completed = append(completed, t.ID)
		}
		if err := s.store.SettleReorder(ctx, r.CustomerKey, r.ExpectedDate, s.clock.Now()); err != nil {
			return completed, err
		}
	}
	return completed, nil
}

// customerGone tells whether c's company or contact was deleted.
func (s *Service) customerGone(ctx context.Context, c CustomerFrequency) (bool, error) {
	var deleted *time.Time
	if c.CompanyID != "" {
		co, err := s.store.GetCompany(ctx, c.CompanyID)
		if crm.ErrorCode(err) == crm.CodeNotFound {
			return true, nil
		}
		if err != nil {
			return false, err
		}
		deleted = co.DeletedAt
	} else {
		p, err := s.store.GetContact(ctx, c.ContactID)
		if crm.ErrorCode(err) == crm.CodeNotFound {
			return true, nil
		}
		if err != nil {
			return false, err
		}
		deleted = p.DeletedAt
	}
	return deleted != nil, nil
}
