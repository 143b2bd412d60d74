package crm

import "time"

// Error codes of the selling areas (money, owners, deals, leads, orders).
const (
	// CodeCurrencyInvalid: not an ISO 4217 code Fieldbook knows.
	CodeCurrencyInvalid = "currency_invalid"
	// CodeAmountInvalid: an amount that is not a number, has more decimals
	// than its currency allows, or does not fit.
	CodeAmountInvalid = "amount_invalid"
	// CodeRateMissing: an amount cannot be converted to the home currency
	// because no exchange rate is known for its currency.
	CodeRateMissing = "rate_missing"
	// CodeOwnerInvalid: an owner without a name, or with a bad e-mail.
	CodeOwnerInvalid = "owner_invalid"
)

// Money is an amount in integer minor units of an ISO 4217 currency
// (cents for EUR, yen for JPY). It is never a float.
type Money struct {
	Minor    int64  `json:"minor"`
	Currency string `json:"currency"`
}

// Owner is a person records belong to: the local user profile, or a
// colleague whose records share this database.
type Owner struct {
	ID        string
	Name      string
	Email     string
	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt *time.Time
}

// ExchangeRate says how many units of the home currency one unit of
// Currency was worth from Date (YYYY-MM-DD) on. Rate is a decimal text
// ("0.0061"), never a float.
type ExchangeRate struct {
	Currency string
	Date     string
	Rate     string
}
