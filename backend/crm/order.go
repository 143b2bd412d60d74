package crm

import "time"

// Payment states of an order. Overdue is never stored: it is an order
// PaymentDue whose due date is before the user's today.
const (
	PaymentPaid    = "paid"
	PaymentDue     = "due"
	PaymentOverdue = "overdue"
)

// OrderLine is one line of an order: a quantity of a product at a unit
// price. Total is UnitPrice × Quantity, computed by backend/orders.
type OrderLine struct {
	Product string
	// Quantity is a whole number of units (at least 1).
	Quantity  int64
	UnitPrice Money
	Total     Money
}

// OrderFields are the parts of an order a user edits.
type OrderFields struct {
	// Number is the order's number ("2026-0001"); blank on create picks the
	// year's next one.
	Number string
	// The customer: a company, a contact, or both (the company is then the
	// customer and the contact the person who ordered).
	CompanyID string
	ContactID string
	// OrderDate is YYYY-MM-DD.
	OrderDate string
	// Currency is the ISO 4217 code of every price on the order.
	Currency      string
	Lines         []OrderLine
	PaymentStatus string // PaymentPaid or PaymentDue
	// DueDate is when payment is due (YYYY-MM-DD), "" for none.
	DueDate string
	// PaidAt is the day the order was paid (YYYY-MM-DD), "" while due.
	PaidAt string
	Notes  string
	// DealID is the deal the order came from, "" for none.
	DealID string
}

// Order is a sale to a customer.
type Order struct {
	ID string
	OrderFields
	// Total is the sum of the lines' totals.
	Total     Money
	Version   int
	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt *time.Time
}

// CustomerKey names the customer of an order for purchase frequency and
// re-order reminders: "company:<id>" when the order has a company, else
// "contact:<id>".
func (f OrderFields) CustomerKey() string {
	if f.CompanyID != "" {
		return "company:" + f.CompanyID
	}
	if f.ContactID != "" {
		return "contact:" + f.ContactID
	}
	return ""
}

// PaymentState is what the order shows: PaymentPaid, PaymentDue, or
// PaymentOverdue when due and its due date is before today (YYYY-MM-DD in
// the user's zone).
func (f OrderFields) PaymentState(today string) string {
	if f.PaymentStatus == PaymentPaid {
		return PaymentPaid
	}
	if f.DueDate != "" && f.DueDate < today {
		return PaymentOverdue
	}
	return PaymentDue
}

// OrderListQuery selects a window of orders, newest order date first.
type OrderListQuery struct {
	// CompanyID or ContactID keep only that customer's orders.
	CompanyID string
	ContactID string
	// Status keeps only PaymentPaid, PaymentDue (not overdue yet) or
	// PaymentOverdue orders; "" keeps all.
	Status string
	// Today is the user's date (YYYY-MM-DD), for the overdue state.
	Today  string
	Offset int
	Limit  int
}

// OrderPage is a window of orders and how many match in all.
type OrderPage struct {
	Orders []Order
	Total  int
}

// CustomerOrderDates are the order dates of one customer, oldest first.
type CustomerOrderDates struct {
	Key       string
	CompanyID string
	ContactID string
	Dates     []string
}

// ReorderReminder records a re-order task made for a customer: expected
// around ExpectedDate, read from orders up to LastOrder.
type ReorderReminder struct {
	CustomerKey  string
	ExpectedDate string
	LastOrder    string
	TaskID       string
}
