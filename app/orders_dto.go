package app

import (
	"fmt"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/money"
	"fieldbook/backend/orders"
)

// OrderQuery asks for a window of orders, newest first: one customer's
// (CompanyID or ContactID) and one payment state ("paid", "due",
// "overdue"; "" for all).
type OrderQuery struct {
	CompanyID string `json:"companyId"`
	ContactID string `json:"contactId"`
	Status    string `json:"status"`
	Offset    int    `json:"offset"`
	Limit     int    `json:"limit"`
}

// OrderLineInput is one line as the editor sends it: the unit price is
// text ("12.50"), read in the order's currency by the backend.
type OrderLineInput struct {
	Product   string `json:"product"`
	Quantity  int64  `json:"quantity"`
	UnitPrice string `json:"unitPrice"`
}

// OrderInput is what the order editor sends. Dates are YYYY-MM-DD; a
// blank number gets the year's next one, a blank order date is today.
type OrderInput struct {
	Number        string           `json:"number"`
	CompanyID     string           `json:"companyId"`
	ContactID     string           `json:"contactId"`
	OrderDate     string           `json:"orderDate"`
	Currency      string           `json:"currency"`
	Lines         []OrderLineInput `json:"lines"`
	PaymentStatus string           `json:"paymentStatus"` // "paid" or "due"
	DueDate       string           `json:"dueDate"`
	PaidAt        string           `json:"paidAt"`
	Notes         string           `json:"notes"`
	DealID        string           `json:"dealId"`
}

// OrderLineDTO is one line of an order.
type OrderLineDTO struct {
	Product   string `json:"product"`
	Quantity  int64  `json:"quantity"`
	UnitPrice Money  `json:"unitPrice"`
	Total     Money  `json:"total"`
}

// OrderDTO is an order for the lists and the editor.
type OrderDTO struct {
	ID          string         `json:"id"`
	Version     int            `json:"version"`
	Number      string         `json:"number"`
	CompanyID   string         `json:"companyId"`
	CompanyName string         `json:"companyName"`
	ContactID   string         `json:"contactId"`
	ContactName string         `json:"contactName"`
	OrderDate   string         `json:"orderDate"`
	Currency    string         `json:"currency"`
	Lines       []OrderLineDTO `json:"lines"`
	Total       Money          `json:"total"`
	// PaymentStatus is what is stored ("paid", "due"); State is what shows
	// ("paid", "due", "overdue" on the user's today).
	PaymentStatus string `json:"paymentStatus"`
	State         string `json:"state"`
	DueDate       string `json:"dueDate"`
	DaysOverdue   int    `json:"daysOverdue"`
	PaidAt        string `json:"paidAt"`
	Notes         string `json:"notes"`
	DealID        string `json:"dealId"`
	Deleted       bool   `json:"deleted"`
	CreatedAt     string `json:"createdAt"`
	UpdatedAt     string `json:"updatedAt"`
}

// OrderPage is a window of orders and how many match.
type OrderPage struct {
	Items  []OrderDTO `json:"items"`
	Total  int        `json:"total"`
	Offset int        `json:"offset"`
}

// OrderPreview is the editor's live arithmetic: each line's total (nil
// while the line is not valid) and the order's total.
type OrderPreview struct {
	Lines []*Money `json:"lines"`
	Total Money    `json:"total"`
}

// FrequencyQuery filters the re-order list by customer name.
type FrequencyQuery struct {
	Query string `json:"query"`
}

// PurchaseFrequency is a customer's purchase rhythm.
type PurchaseFrequency struct {
	Orders int `json:"orders"`
	// MedianDays is the median interval between order days; 0 with
	// HasMedian false (fewer than two order days).
	MedianDays   int    `json:"medianDays"`
	HasMedian    bool   `json:"hasMedian"`
	LastOrder    string `json:"lastOrder"`
	NextExpected string `json:"nextExpected"`
	// Status is "ok", "due soon", "overdue", or "" without an expected date.
	Status string `json:"status"`
}

// CustomerFrequency is one row of the re-order list.
type CustomerFrequency struct {
	Key       string `json:"key"`
	CompanyID string `json:"companyId"`
	ContactID string `json:"contactId"`
	Name      string `json:"name"`
	PurchaseFrequency
	// TaskID is the latest re-order task made for the customer, "" if none.
	TaskID string `json:"taskId"`
}

// CustomerOrders is the Orders section of a company's or contact's page:
// the newest orders, how many there are, and the purchase rhythm.
type CustomerOrders struct {
	Items     []OrderDTO        `json:"items"`
	Total     int               `json:"total"`
	Frequency PurchaseFrequency `json:"frequency"`
}

// ReorderSettings is the re-order reminder's lead: a task is made this
// many days before a customer's expected order date.
type ReorderSettings struct {
	LeadDays int `json:"leadDays"`
}

// fields reads the input's amounts in its currency (a bad amount is an
// error naming its line).
func (in OrderInput) fields() (crm.OrderFields, error) {
	f := crm.OrderFields{Number: in.Number, CompanyID: in.CompanyID, ContactID: in.ContactID, OrderDate: in.OrderDate,
		Currency: in.Currency, PaymentStatus: in.PaymentStatus, DueDate: in.DueDate, PaidAt: in.PaidAt, Notes: in.Notes, DealID: in.DealID}
	code, err := money.Code(in.Currency)
	if err != nil {
		return f, err
	}
	lines, err := readLines(code, in.Lines, false)
	f.Lines = lines
	return f, err
}

// readLines reads the unit prices of lines in currency code; lenient
// (the preview) leaves a line whose price is not an amount at -1 minor
// units, which the totals skip as invalid.
func readLines(code string, in []OrderLineInput, lenient bool) ([]crm.OrderLine, error) {
	out := make([]crm.OrderLine, len(in))
	for i, l := range in {
		price, err := money.Parse(l.UnitPrice, code)
		if err != nil {
			if !lenient {
				return nil, crm.FieldError(crm.ErrorCode(err), fmt.Sprintf("lines.%d.unitPrice", i), crm.ErrorMessage(err))
			}
			price = crm.Money{Minor: -1, Currency: code}
		}
		out[i] = crm.OrderLine{Product: l.Product, Quantity: l.Quantity, UnitPrice: price}
	}
	return out, nil
}

func toOrderDTO(it orders.Item, lang string) OrderDTO {
	o := it.Order
	d := OrderDTO{ID: o.ID, Version: o.Version, Number: o.Number, CompanyID: o.CompanyID, CompanyName: it.CompanyName,
		ContactID: o.ContactID, ContactName: it.ContactName, OrderDate: o.OrderDate, Currency: o.Currency,
		Lines: make([]OrderLineDTO, len(o.Lines)), Total: toMoneyDTO(o.Total, lang), PaymentStatus: o.PaymentStatus,
		State: it.State, DueDate: o.DueDate, DaysOverdue: it.DaysOverdue, PaidAt: o.PaidAt, Notes: o.Notes, DealID: o.DealID,
		Deleted: o.DeletedAt != nil, CreatedAt: o.CreatedAt.UTC().Format(time.RFC3339), UpdatedAt: o.UpdatedAt.UTC().Format(time.RFC3339)}
	for i, l := range o.Lines {
		d.Lines[i] = OrderLineDTO{Product: l.Product, Quantity: l.Quantity, UnitPrice: toMoneyDTO(l.UnitPrice, lang), Total: toMoneyDTO(l.Total, lang)}
	}
	return d
}

func toOrderDTOs(items []orders.Item, lang string) []OrderDTO {
	out := make([]OrderDTO, len(items))
	for i, it := range items {
		out[i] = toOrderDTO(it, lang)
	}
	return out
}

func toPurchaseFrequency(f orders.Frequency, status string) PurchaseFrequency {
	return PurchaseFrequency{Orders: f.Orders, MedianDays: f.MedianDays, HasMedian: f.HasMedian, LastOrder: f.LastOrder,
		NextExpected: f.NextExpected, Status: status}
}
