package davtest

import (
	"context"
	"fmt"
	"net/http"

	"github.com/emersion/go-ical"
	"github.com/emersion/go-webdav"
	"github.com/emersion/go-webdav/caldav"
)

// calBackend is the in-memory caldav.Backend of NewCalDAV: one calendar
// holding meetings and tasks.
type calBackend struct {
	store *store
	fl    flavour
}

var _ caldav.Backend = (*calBackend)(nil)

func (b *calBackend) CurrentUserPrincipal(context.Context) (string, error) {
	return PrincipalPath, nil
}

func (b *calBackend) CalendarHomeSetPath(context.Context) (string, error) {
	return CalendarHomeSetPath, nil
}

func (b *calBackend) calendar() caldav.Calendar {
	return caldav.Calendar{Path: CalendarPath, Name: CalendarName, Description: "davtest calendar",
		SupportedComponentSet: []string{ical.CompEvent, ical.CompToDo}}
}

func (b *calBackend) CreateCalendar(_ context.Context, c *caldav.Calendar) error {
	return webdav.NewHTTPError(http.StatusForbidden, fmt.Errorf("davtest: cannot create calendar %s", c.Path))
}

func (b *calBackend) ListCalendars(context.Context) ([]caldav.Calendar, error) {
	return []caldav.Calendar{b.calendar()}, nil
}

func (b *calBackend) GetCalendar(_ context.Context, p string) (*caldav.Calendar, error) {
	if !b.fl.isCollection(p) {
		return nil, webdav.NewHTTPError(http.StatusNotFound, fmt.Errorf("davtest: no calendar at %s", p))
	}
	c := b.calendar()
	return &c, nil
}

func (b *calBackend) GetCalendarObject(_ context.Context, p string, _ *caldav.CalendarCompRequest) (*caldav.CalendarObject, error) {
	e, ok := b.store.get(p)
	if !ok {
		return nil, webdav.NewHTTPError(http.StatusNotFound, fmt.Errorf("davtest: no object at %s", p))
	}
	return toCalendarObject(p, e), nil
}

func (b *calBackend) ListCalendarObjects(_ context.Context, p string, _ *caldav.CalendarCompRequest) ([]caldav.CalendarObject, error) {
	if !b.fl.isCollection(p) {
		return nil, webdav.NewHTTPError(http.StatusNotFound, fmt.Errorf("davtest: no calendar at %s", p))
	}
	objs, hrefs := b.store.list()
	out := make([]caldav.CalendarObject, 0, len(hrefs))
	for _, h := range hrefs {
		out = append(out, *toCalendarObject(h, objs[h]))
	}
	return out, nil
}

func (b *calBackend) QueryCalendarObjects(ctx context.Context, p string, q *caldav.CalendarQuery) ([]caldav.CalendarObject, error) {
	all, err := b.ListCalendarObjects(ctx, p, &q.CompRequest)
	if err != nil {
		return nil, err
	}
	out, err := caldav.Filter(q, all)
	if err != nil {
		return nil, fmt.Errorf("davtest: filter %s: %w", p, err)
	}
	return out, nil
}

func (b *calBackend) PutCalendarObject(_ context.Context, p string, cal *ical.Calendar, opts *caldav.PutCalendarObjectOptions) (*caldav.CalendarObject, error) {
	if !b.fl.isObject(p) {
		return nil, webdav.NewHTTPError(http.StatusConflict, fmt.Errorf("davtest: %s is not inside %s", p, CalendarPath))
	}
	if _, _, err := caldav.ValidateCalendarObject(cal); err != nil {
		return nil, webdav.NewHTTPError(http.StatusForbidden, fmt.Errorf("davtest: %s: %w", p, err))
	}
	var ifMatch, ifNoneMatch webdav.ConditionalMatch
	if opts != nil {
		ifMatch, ifNoneMatch = opts.IfMatch, opts.IfNoneMatch
	}
	data, err := encodeCalendar(cal)
	if err != nil {
		return nil, err
	}
	if _, err := b.store.put(p, cal, data, ifMatch, ifNoneMatch); err != nil {
		return nil, httpError(err)
	}
	e, _ := b.store.get(p)
	return toCalendarObject(p, e), nil
}

func (b *calBackend) DeleteCalendarObject(ctx context.Context, p string) error {
	ifMatch, _ := ctx.Value(ifMatchKey{}).(string)
	return httpError(b.store.remove(p, webdav.ConditionalMatch(ifMatch)))
}

// toCalendarObject converts a stored entry.
func toCalendarObject(href string, e entry) *caldav.CalendarObject {
	cal, _ := e.obj.(*ical.Calendar) // a CalDAV server stores only iCalendar
	return &caldav.CalendarObject{Path: href, ETag: e.etag, ModTime: e.mod, Data: cal}
}
