package davhttp

// Kind is the DAV flavour a Client speaks: what its objects are, how they
// are fetched in bulk and found by discovery. The HTTP exchanges, the
// error model and the sync requests are the same for both.
type Kind int

// The kinds of collections.
const (
	CardDAV Kind = iota // address books of vCards (RFC 6352)
	CalDAV              // calendars of iCalendar objects (RFC 4791)
)

// profile is what differs between the kinds.
type profile struct {
	name        string // error prefix and well-known suffix
	ns          string // the kind's XML namespace
	multiget    string // REPORT element that fetches by href
	data        string // the property that carries an object
	contentType string // of uploads
	accept      string // of GETs
	ext         string // of new objects' hrefs
	homeSet     string // home-set property ("c:…" in propfindBody's prefixes)
}

func (k Kind) profile() profile {
	if k == CalDAV {
		return profile{name: "caldav", ns: nsCalDAV, multiget: "calendar-multiget", data: "calendar-data",
			contentType: "text/calendar; charset=utf-8", accept: "text/calendar", ext: ".ics", homeSet: "cal:calendar-home-set"}
	}
	return profile{name: "carddav", ns: nsCardDAV, multiget: "addressbook-multiget", data: "address-data",
		contentType: "text/vcard; charset=utf-8", accept: "text/vcard", ext: ".vcf", homeSet: "c:addressbook-home-set"}
}

// String is the kind's name: "carddav" or "caldav".
func (k Kind) String() string { return k.profile().name }
