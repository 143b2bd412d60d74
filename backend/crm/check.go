package crm

import (
	"context"
	"fmt"
	"net/mail"
	"strings"
)

// ValidateEmail accepts a bare address as RFC 5322 parses it (no display
// name, no angle brackets), at most 254 bytes, with a local part and a
// domain that does not start or end with a dot. Contacts and meeting
// attendees share it; the caller wraps the error in its own code.
func ValidateEmail(v string) error {
	if len(v) > 254 {
		return fmt.Errorf("e-mail address %q is too long", v)
	}
	a, err := mail.ParseAddress(v)
	if err != nil || a.Address != v || a.Name != "" {
		return fmt.Errorf("%q is not an e-mail address", v)
	}
	local, domain, ok := strings.Cut(v, "@")
	if !ok || local == "" || domain == "" || strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, ".") {
		return fmt.Errorf("%q is not an e-mail address", v)
	}
	return nil
}

// FieldChanges collects, in the order they are checked, the names of the
// fields that differ between two versions of a record (the names the
// journal records). A nil FieldChanges means nothing differs.
type FieldChanges []string

// Add records name when differ is true.
func (c *FieldChanges) Add(name string, differ bool) {
	if differ {
		*c = append(*c, name)
	}
}

// Default calendar made when a meeting or task is created before any
// calendar exists.
const (
	DefaultCalendarName  = "Calendar"
	DefaultCalendarColor = "#3B82F6"
)

// CalendarLookup is what ResolveCalendar needs from the store.
type CalendarLookup interface {
	Calendar(ctx context.Context, id string) (Calendar, error)
	EnsureDefaultCalendar(ctx context.Context, name, color string) (Calendar, error)
}

// ResolveCalendar returns the id of the calendar a new meeting or task goes
// into: id itself when that calendar exists (a CodeNotFound field error on
// "calendarId" when it does not), or with id "" the default calendar, made
// when there is none.
func ResolveCalendar(ctx context.Context, st CalendarLookup, id string) (string, error) {
	if id == "" {
		c, err := st.EnsureDefaultCalendar(ctx, DefaultCalendarName, DefaultCalendarColor)
		return c.ID, err
	}
	c, err := st.Calendar(ctx, id)
	if err != nil {
		if ErrorCode(err) == CodeNotFound {
			return "", FieldError(CodeNotFound, "calendarId", fmt.Sprintf("calendar %s does not exist", id))
		}
		return "", err
	}
	return c.ID, nil
}
