package app

import (
	"slices"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/sync/caldav"
	"fieldbook/sync/tlstrust"
)

// AccountInput is what the add-account form sends.
type AccountInput struct {
	Name            string `json:"name"`
	URL             string `json:"url"` // server URL or just its host
	Username        string `json:"username"`
	Password        string `json:"password"`
	CertFingerprint string `json:"certFingerprint"` // a certificate the user chose to trust
}

// AddressBook is one address book of an account (or found by discovery,
// where ID is empty).
type AddressBook struct {
	ID          string `json:"id"`
	Href        string `json:"href"`
	Name        string `json:"name"`
	Description string `json:"description"`
	Enabled     bool   `json:"enabled"`
	IsDefault   bool   `json:"isDefault"` // new contacts are uploaded here
}

// Account is a sync account as the settings page shows it.
type Account struct {
	ID              string        `json:"id"`
	Name            string        `json:"name"`
	URL             string        `json:"url"`
	Username        string        `json:"username"`
	CertFingerprint string        `json:"certFingerprint"`
	LastSyncAt      string        `json:"lastSyncAt"` // RFC 3339 or ""
	LastError       string        `json:"lastError"`
	AddressBooks    []AddressBook `json:"addressBooks"`
	// Calendars are the account's calendars (each syncs into a local
	// calendar of its own).
	Calendars []CalendarCollection `json:"calendars"`
}

// CalendarCollection is one calendar of an account (or found by discovery,
// where ID is empty).
type CalendarCollection struct {
	ID          string `json:"id"`
	Href        string `json:"href"`
	Name        string `json:"name"`
	Description string `json:"description"`
	Color       string `json:"color"`  // "#RRGGBB" or ""
	Events      bool   `json:"events"` // holds meetings
	Tasks       bool   `json:"tasks"`  // holds tasks
	Enabled     bool   `json:"enabled"`
}

// Certificate describes a server certificate for the trust step.
type Certificate struct {
	Fingerprint string   `json:"fingerprint"` // SHA-256, AB:CD:…
	Subject     string   `json:"subject"`
	Issuer      string   `json:"issuer"`
	DNSNames    []string `json:"dnsNames"`
	NotBefore   string   `json:"notBefore"`
	NotAfter    string   `json:"notAfter"`
	SelfSigned  bool     `json:"selfSigned"`
	Problem     string   `json:"problem"` // why it is not trusted
}

// Discovery is what probing a server found.
type Discovery struct {
	URL          string        `json:"url"`
	AddressBooks []AddressBook `json:"addressBooks"`
	// Untrusted is set when the certificate needs the user's explicit trust.
	Untrusted *Certificate `json:"untrusted"`
	// Calendars are the server's calendars of meetings or tasks.
	Calendars []CalendarCollection `json:"calendars"`
}

// SyncProgress is the running sync's position.
type SyncProgress struct {
	Account     string `json:"account"`
	AddressBook string `json:"addressBook"`
	Phase       string `json:"phase"` // "pull" or "push"
	Done        int    `json:"done"`
	Total       int    `json:"total"` // 0 when unknown
}

// SyncSummary is what the last sync did.
type SyncSummary struct {
	Fetched   int      `json:"fetched"`
	Applied   int      `json:"applied"`
	Pushed    int      `json:"pushed"`
	Failed    int      `json:"failed"`
	Conflicts int      `json:"conflicts"`
	Skipped   int      `json:"skipped"`
	Errors    []string `json:"errors"`
}

// SyncStatus is everything the status bar and the sync page show.
type SyncStatus struct {
	Accounts          int           `json:"accounts"`
	Running           bool          `json:"running"`
	Online            bool          `json:"online"`
	LastSyncAt        string        `json:"lastSyncAt"`
	NextSyncAt        string        `json:"nextSyncAt"`
	LastError         string        `json:"lastError"`
	Pending           int           `json:"pending"`
	Conflicts         int           `json:"conflicts"`
	IntervalMinutes   int           `json:"intervalMinutes"`
	Policy            string        `json:"policy"` // ask, mine or theirs
	CredentialStorage string        `json:"credentialStorage"`
	CredentialNotice  string        `json:"credentialNotice"`
	Progress          *SyncProgress `json:"progress"`
	Last              *SyncSummary  `json:"last"`
}

// OutboxEntry is one change waiting to be sent.
type OutboxEntry struct {
	Seq       int64    `json:"seq"`
	Entity    string   `json:"entity"`
	EntityID  string   `json:"entityId"`
	Title     string   `json:"title"`
	Op        string   `json:"op"`
	Fields    []string `json:"fields"`
	CreatedAt string   `json:"createdAt"`
	State     string   `json:"state"` // pending or failed
	Attempts  int      `json:"attempts"`
	LastError string   `json:"lastError"`
}

// Conflict is one field changed on both sides, waiting for the user.
// Base, Mine and Theirs are the field's values as JSON (a string, or a
// list of {label, value} / addresses / tags).
type Conflict struct {
	ID          string `json:"id"`
	ContactID   string `json:"contactId"`
	ContactName string `json:"contactName"`
	Field       string `json:"field"`
	Base        string `json:"base"`
	Mine        string `json:"mine"`
	Theirs      string `json:"theirs"`
	CreatedAt   string `json:"createdAt"`
	// Entity is what the conflict is on: "contact", "event" or "task";
	// ItemID and Title name the record (for a contact also ContactID and
	// ContactName). A meeting's times are the field "when", a JSON object
	// {start, end, allDay, timeZone}; a task's are {start, due, timeZone}
	// and its "status" is {status, percentComplete, completedAt}.
	Entity string `json:"entity"`
	ItemID string `json:"itemId"`
	Title  string `json:"title"`
}

func formatOptionalTime(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func accountDTO(a crm.Account) Account {
	out := Account{ID: a.ID, Name: a.Name, URL: a.URL, Username: a.Username, CertFingerprint: a.CertPin,
		LastSyncAt: formatOptionalTime(a.LastSyncAt), LastError: a.LastError, AddressBooks: []AddressBook{},
		Calendars: []CalendarCollection{}}
	for _, c := range a.Collections {
		if c.IsCalendar() {
			out.Calendars = append(out.Calendars, CalendarCollection{ID: c.ID, Href: c.Href, Name: c.Name, Color: c.Color,
				Events: slices.Contains(c.Components, "VEVENT"), Tasks: slices.Contains(c.Components, "VTODO"), Enabled: c.Enabled})
			continue
		}
		out.AddressBooks = append(out.AddressBooks, AddressBook{ID: c.ID, Href: c.Href, Name: c.Name, Enabled: c.Enabled, IsDefault: c.Default})
	}
	return out
}

func calendarCollectionDTO(c caldav.Calendar) CalendarCollection {
	return CalendarCollection{Href: c.Path, Name: c.Name, Description: c.Description, Color: c.Color,
		Events: c.Events, Tasks: c.Tasks, Enabled: true}
}

func calendarsOf(in []CalendarCollection) []caldav.Calendar {
	var out []caldav.Calendar
	for _, c := range in {
		if c.Enabled {
			out = append(out, caldav.Calendar{Path: c.Href, Name: c.Name, Description: c.Description, Color: c.Color,
				Events: c.Events, Tasks: c.Tasks})
		}
	}
	return out
}

func certificateDTO(c tlstrust.Certificate) *Certificate {
	return &Certificate{Fingerprint: c.Fingerprint, Subject: c.Subject, Issuer: c.Issuer, DNSNames: c.DNSNames,
		NotBefore: c.NotBefore.UTC().Format(time.RFC3339), NotAfter: c.NotAfter.UTC().Format(time.RFC3339),
		SelfSigned: c.SelfSigned, Problem: c.VerifyError}
}
