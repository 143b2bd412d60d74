package caldav

import (
	"context"
	"slices"
	"strings"

	"fieldbook/sync/davhttp"
)

// Client talks CalDAV to one server: the shared DAV HTTP layer (requests,
// change markers, multiget, conditional writes; see sync/davhttp) set to
// calendars. It is safe for concurrent use.
type Client struct {
	*davhttp.Client
}

// Config configures New (see davhttp.Config).
type Config = davhttp.Config

// Remote is one calendar of a Client as the sync engine sees it.
type Remote = davhttp.Remote

// New returns a CalDAV client for cfg. It sends no request.
func New(ctx context.Context, cfg Config) (*Client, error) {
	c, err := davhttp.New(ctx, cfg, davhttp.CalDAV)
	if err != nil {
		return nil, err
	}
	return &Client{c}, nil
}

// Calendar is one calendar collection found by Discover.
type Calendar struct {
	// Path is the collection's href (see sync/davhttp on hrefs).
	Path        string
	Name        string // DAV:displayname
	Description string // CALDAV:calendar-description
	// Color is the server's colour for it as "#RRGGBB" ("" when it keeps
	// none); Apple's "#RRGGBBAA" loses its alpha.
	Color string
	// Events and Tasks say whether it holds meetings (VEVENT) and tasks
	// (VTODO); a server that does not say holds both.
	Events bool
	Tasks  bool
}

// Discovery is what Discover found.
type Discovery struct {
	Principal string
	HomeSet   string
	Calendars []Calendar
}

// Discover finds the user's calendars that hold meetings or tasks (RFC 4791
// §6, RFC 6764); calendars of only journals or free-busy are left out. See
// davhttp.Client.Discover for the order in which places are tried.
func (c *Client) Discover(ctx context.Context) (Discovery, error) {
	d, err := c.Client.Discover(ctx)
	if err != nil {
		return Discovery{}, err
	}
	out := Discovery{Principal: d.Principal, HomeSet: d.HomeSet}
	for _, col := range d.Collections {
		cal := Calendar{Path: col.Path, Name: col.Name, Description: col.Description, Color: normalizeColor(col.Color),
			Events: col.Components == nil || hasComponent(col.Components, "VEVENT"),
			Tasks:  col.Components == nil || hasComponent(col.Components, "VTODO")}
		if cal.Events || cal.Tasks {
			out.Calendars = append(out.Calendars, cal)
		}
	}
	return out, nil
}

func hasComponent(comps []string, name string) bool {
	return slices.ContainsFunc(comps, func(c string) bool { return strings.EqualFold(strings.TrimSpace(c), name) })
}

// normalizeColor turns a calendar-color into "#RRGGBB" (upper case), or ""
// when it is not a hex colour.
func normalizeColor(s string) string {
	s = strings.TrimSpace(s)
	if len(s) != 7 && len(s) != 9 || s[0] != '#' {
		return ""
	}
	for _, r := range s[1:] {
		if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
			return ""
		}
	}
	return strings.ToUpper(s[:7])
}
