package importexport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	"fieldbook/backend/contactcard"
	"fieldbook/backend/contacts"
	"fieldbook/backend/crm"
	"fieldbook/backend/csvimport"
	"fieldbook/backend/store"
	"fieldbook/backend/vcard"
)

// DefaultBatchSize is how many new contacts one transaction stores.
const DefaultBatchSize = 1000

// MaxEntries bounds each list of a Report; the counts stay exact.
const MaxEntries = 1000

// Options configures an import. The zero value detects everything and
// merges duplicates.
type Options struct {
	// Format forces csv or vcard; "" detects it.
	Format Format
	// Charset forces the file's charset (CSV only; vCards carry their own).
	Charset string
	// Delimiter forces the CSV delimiter; 0 detects it.
	Delimiter rune
	// Map overrides the detected CSV mapping, as the CLI's --map writes it:
	// "target=column,…" with 0-based columns (csvimport.Mapping.Apply).
	Map string
	// Columns overrides the target of single CSV columns (the wizard's
	// choices): column index → target ("given_name", "email:work",
	// "ignore", …; csvimport.ParseTarget).
	Columns map[int]string
	// OnDuplicate says what to do with a record that duplicates a contact.
	OnDuplicate OnDuplicate
	// BatchSize is the number of new contacts per transaction (0: default).
	BatchSize int
}

// Progress is reported while an import runs.
type Progress struct {
	BytesRead, BytesTotal int64
	Records               int // records read so far
	Imported, Merged      int
	Skipped               int
}

// Entry is one record the report says something about.
type Entry struct {
	// Record is the 1-based number of the record (CSV data row or vCard).
	Record int
	// Line is the line of the file the record starts on.
	Line int
	// Name is the contact's name as far as it was read.
	Name string
	// Reason is a code: for skipped records "unreadable", "empty",
	// "invalid", "duplicate"; for merged records what matched ("email",
	// "phone", "name"); for warnings "value_dropped" or "problem".
	Reason string
	// Detail is the technical explanation (in English, from the parser).
	Detail string
	// ContactID is the contact merged into or matched.
	ContactID string
}

// Report is the outcome of an import.
type Report struct {
	Format   Format
	Records  int // records read (blank CSV rows not counted)
	Imported int // new contacts stored
	Merged   int // records merged into existing contacts
	Skipped  int // records not imported
	// MergedEntries, SkippedEntries and Warnings list the first MaxEntries
	// of each; Warnings are values dropped from records that were imported.
	MergedEntries  []Entry
	SkippedEntries []Entry
	Warnings       []Entry
	WarningCount   int
	// Cancelled reports an import stopped by its context: the batches
	// stored before stay, the batch in progress was not stored.
	Cancelled bool
}

func (r *Report) skip(e Entry) {
	r.Skipped++
	if len(r.SkippedEntries) < MaxEntries {
		r.SkippedEntries = append(r.SkippedEntries, e)
	}
}

func (r *Report) merged(e Entry) {
	r.Merged++
	if len(r.MergedEntries) < MaxEntries {
		r.MergedEntries = append(r.MergedEntries, e)
	}
}

func (r *Report) warn(e Entry) {
	r.WarningCount++
	if len(r.Warnings) < MaxEntries {
		r.Warnings = append(r.Warnings, e)
	}
}

// Importer imports files into the database.
type Importer struct {
	db       *store.DB
	contacts *contacts.Service
	clock    crm.Clock
	matcher  MatcherFactory
	merge    MergeFunc
	zones    Zones // the user's zone for iCalendar imports (nil: UTC)
}

// NewImporter returns an Importer writing new contacts to db and merges
// through svc. matcher may be nil (no duplicate is then detected); merge nil
// means UnionMerge.
func NewImporter(db *store.DB, svc *contacts.Service, clock crm.Clock, matcher MatcherFactory, merge MergeFunc) *Importer {
	if merge == nil {
		merge = UnionMerge
	}
	return &Importer{db: db, contacts: svc, clock: clock, matcher: matcher, merge: merge}
}

// record is one record read from a file, before validation.
type record struct {
	number, line int
	fields       crm.ContactFields
	card         []byte
	photo        *store.Photo
	broken       string   // why the record could not be read at all
	problems     []string // values dropped while reading
}

// source yields the records of a file; io.EOF ends it.
type source interface {
	next() (record, error)
	// stray lists problems found outside any record, once reading ended.
	stray() []Entry
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// Import reads the file at path and stores its contacts. progress (may be
// nil) is called from the importing goroutine every few hundred records and
// at the end. Unreadable, empty or invalid records are skipped and listed in
// the report; the error is non-nil only when the file cannot be read or the
// database fails. A cancelled ctx stops the import with Report.Cancelled.
func (im *Importer) Import(ctx context.Context, path string, opts Options, progress func(Progress)) (Report, error) {
	var rep Report
	file, sample, err := openImportFile(path)
	if err != nil {
		return rep, err
	}
	defer file.Close()
	format := opts.Format
	if format == "" {
		format = detectFormat(sample, path)
	}
	rep.Format = format
	st, err := file.Stat()
	if err != nil {
		return rep, fmt.Errorf("importexport: stat %s: %w", path, err)
	}
	counter := &countingReader{r: file}
	if format == FormatICS {
		err := im.importICS(ctx, counter, path, st.Size(), opts, &rep, progress)
		return rep, err
	}
	var src source
	switch format {
	case FormatVCard:
		src = newVCardSource(counter)
	case FormatCSV:
		cs, err := newCSVSource(counter, opts)
		if err != nil {
			return rep, err
		}
		src = cs
	default:
		return rep, fmt.Errorf("importexport: unknown format %q", format)
	}
	matcher := Matcher(noMatcher{})
	if im.matcher != nil {
		if matcher, err = im.matcher(ctx, im.db); err != nil {
			return rep, fmt.Errorf("importexport: prepare duplicate detection: %w", err)
		}
	}
	run := importRun{im: im, opts: opts, rep: &rep, matcher: matcher, pendingIdx: map[string]int{}}
	if run.opts.OnDuplicate == "" {
		run.opts.OnDuplicate = DuplicateMerge
	}
	if run.opts.BatchSize <= 0 {
		run.opts.BatchSize = DefaultBatchSize
	}
	report := func() {
		if progress != nil {
			progress(Progress{BytesRead: counter.n.Load(), BytesTotal: st.Size(), Records: rep.Records,
				Imported: rep.Imported, Merged: rep.Merged, Skipped: rep.Skipped})
		}
	}
	// One goroutine reads and validates records while this one stores
	// them: decoding and the database then use both cores.
	readCtx, stopReading := context.WithCancel(ctx)
	defer stopReading()
	items := make(chan []item, 4)
	var readErr error
	go func() {
		defer close(items)
		readErr = produce(readCtx, src, items)
	}()
	var storeErr error
read:
	for chunk := range items {
		for _, it := range chunk {
			if ctx.Err() != nil {
				break read
			}
			rep.Records++
			if storeErr = run.add(ctx, it); storeErr != nil {
				break read
			}
			if len(run.pending) >= run.opts.BatchSize {
				if storeErr = run.flush(ctx); storeErr != nil {
					break read
				}
			}
			if rep.Records%250 == 0 {
				report()
			}
		}
	}
	stopReading()
	for range items { // let the reader finish before the file closes
	}
	for _, w := range src.stray() {
		rep.warn(w)
	}
	switch {
	case ctx.Err() != nil:
		rep.Cancelled = true
	case storeErr != nil:
		return rep, storeErr
	case readErr != nil:
		return rep, readErr
	default:
		if err := run.flush(ctx); err != nil {
			if ctx.Err() == nil {
				return rep, err
			}
			rep.Cancelled = true
		}
	}
	report()
	return rep, nil
}

// item is a record read and validated, ready to store.
type item struct {
	rec     record
	fields  crm.ContactFields
	dropped []string
	err     error // why the fields are not valid
}

// itemChunk is how many records travel from the reader together.
const itemChunk = 128

// produce reads every record of src, validates it and sends it on out in
// chunks, until the end of the file, a read error or ctx is done.
func produce(ctx context.Context, src source, out chan<- []item) error {
	chunk := make([]item, 0, itemChunk)
	send := func() bool {
		select {
		case out <- chunk:
			chunk = make([]item, 0, itemChunk)
			return true
		case <-ctx.Done():
			return false
		}
	}
	for ctx.Err() == nil {
		rec, err := src.next()
		if errors.Is(err, io.EOF) {
			if len(chunk) > 0 {
				send()
			}
			return nil
		}
		if err != nil {
			if len(chunk) > 0 {
				send()
			}
			return err
		}
		it := item{rec: rec}
		if rec.broken == "" {
			it.fields, it.dropped, it.err = validate(rec)
		}
		chunk = append(chunk, it)
		if len(chunk) == itemChunk && !send() {
			return nil
		}
	}
	return nil
}

// importRun is the state of one import.
type importRun struct {
	im         *Importer
	opts       Options
	rep        *Report
	matcher    Matcher
	pending    []store.ImportedContact
	pendingIdx map[string]int // contact ID → index in pending
}

// add validates one record and stores, merges or skips it.
func (r *importRun) add(ctx context.Context, it item) error {
	rec := it.rec
	entry := Entry{Record: rec.number, Line: rec.line, Name: rec.fields.DisplayName()}
	if rec.broken != "" {
		entry.Reason, entry.Detail = "unreadable", rec.broken
		r.rep.skip(entry)
		return nil
	}
	for _, p := range rec.problems {
		r.rep.warn(Entry{Record: rec.number, Line: rec.line, Name: entry.Name, Reason: "problem", Detail: p})
	}
	f, dropped, err := it.fields, it.dropped, it.err
	for _, d := range dropped {
		r.rep.warn(Entry{Record: rec.number, Line: rec.line, Name: entry.Name, Reason: "value_dropped", Detail: d})
	}
	if err != nil {
		var ce *crm.Error
		entry.Reason, entry.Detail = "invalid", err.Error()
		if errors.As(err, &ce) {
			entry.Detail = ce.Message
			if ce.Code == crm.CodeContactEmpty {
				entry.Reason = "empty"
			}
		}
		r.rep.skip(entry)
		return nil
	}
	entry.Name = f.DisplayName()
	if r.opts.OnDuplicate != DuplicateImport {
		if id, why, ok := r.matcher.Match(f); ok {
			entry.ContactID = id
			if r.opts.OnDuplicate == DuplicateSkip {
				entry.Reason, entry.Detail = "duplicate", why
				r.rep.skip(entry)
				return nil
			}
			entry.Reason = why
			return r.mergeInto(ctx, id, f, rec, entry)
		}
	}
	now := r.im.clock.Now()
	c := crm.Contact{ID: crm.NewID(now), ContactFields: f, Version: 1, CreatedAt: now, UpdatedAt: now}
	r.pendingIdx[c.ID] = len(r.pending)
	r.pending = append(r.pending, store.ImportedContact{Contact: c, Card: rec.card, Photo: rec.photo})
	r.matcher.Add(c.ID, f)
	return nil
}

// mergeInto merges a record into contact id: in memory when the contact is
// in the batch not yet stored, else through the contacts service (a
// journalled, version-checked update).
func (r *importRun) mergeInto(ctx context.Context, id string, f crm.ContactFields, rec record, entry Entry) error {
	if i, ok := r.pendingIdx[id]; ok {
		p := &r.pending[i]
		merged, err := contacts.Normalize(r.im.merge(p.Contact.ContactFields, f))
		if err == nil {
			p.Contact.ContactFields = merged
		}
		if p.Photo == nil {
			p.Photo = rec.photo
		}
		r.rep.merged(entry)
		return nil
	}
	for attempt := 0; ; attempt++ {
		existing, err := r.im.contacts.Get(ctx, id)
		if err != nil {
			return fmt.Errorf("importexport: read contact %s to merge into: %w", id, err)
		}
		merged := r.im.merge(existing.ContactFields, f)
		if !contactcard.Equal(merged, existing.ContactFields) {
			_, err = r.im.contacts.Update(ctx, id, existing.Version, merged)
		}
		var ce *crm.Error
		if errors.As(err, &ce) && ce.Code == crm.CodeVersionConflict && attempt < 2 {
			continue // changed meanwhile: merge into the new version
		}
		if errors.As(err, &ce) && ce.Code != crm.CodeInternal {
			entry.Reason, entry.Detail = "invalid", ce.Message
			r.rep.skip(entry)
			return nil
		}
		if err != nil {
			return fmt.Errorf("importexport: merge into contact %s: %w", id, err)
		}
		break
	}
	if rec.photo != nil {
		if err := r.im.db.SetImportedPhoto(ctx, id, *rec.photo, r.im.clock.Now()); err != nil {
			return err
		}
	}
	r.rep.merged(entry)
	return nil
}

// flush stores the pending batch.
func (r *importRun) flush(ctx context.Context) error {
	if len(r.pending) == 0 {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	// A batch is stored whole or not at all, and without a cancellable
	// context: the SQLite driver watches a cancellable one with a goroutine
	// per statement, which cost a third of the import's time.
	if err := r.im.db.ImportContacts(context.WithoutCancel(ctx), r.pending); err != nil {
		return fmt.Errorf("importexport: store %d contacts: %w", len(r.pending), err)
	}
	r.rep.Imported += len(r.pending)
	r.pending = r.pending[:0]
	clear(r.pendingIdx)
	return nil
}

// validate is sanitize for a record, leaving out what dropped values the
// reader already reported (a CSV e-mail without @ is reported by both).
func validate(rec record) (crm.ContactFields, []string, error) {
	f, dropped, err := sanitize(rec.fields)
	var out []string
	for _, d := range dropped {
		if !slices.ContainsFunc(rec.problems, func(p string) bool { return strings.Contains(p, d.quoted) }) {
			out = append(out, d.text)
		}
	}
	return f, out, err
}

// droppedValue is a value sanitize left out: the value quoted, and why.
type droppedValue struct{ quoted, text string }

// sanitize normalises and validates fields like the contacts service does,
// dropping an invalid e-mail, phone, web address, postal address or date
// instead of the whole record; dropped says what went.
func sanitize(f crm.ContactFields) (out crm.ContactFields, dropped []droppedValue, err error) {
	for range 200 { // each round drops one value; a record has at most 4×50 list items
		out, err = contacts.Normalize(f)
		var ce *crm.Error
		if err == nil || !errors.As(err, &ce) || ce.Field == "" {
			return out, dropped, err
		}
		list, idx, hasIdx := strings.Cut(ce.Field, ".")
		i, convErr := strconv.Atoi(idx)
		if hasIdx && convErr != nil {
			return out, dropped, err
		}
		var value string
		switch {
		case list == "emails" && hasIdx && i < len(f.Emails):
			value, f.Emails = f.Emails[i].Value, dropAt(f.Emails, i)
		case list == "phones" && hasIdx && i < len(f.Phones):
			value, f.Phones = f.Phones[i].Value, dropAt(f.Phones, i)
		case list == "urls" && hasIdx && i < len(f.URLs):
			value, f.URLs = f.URLs[i].Value, dropAt(f.URLs, i)
		case list == "addresses" && hasIdx && i < len(f.Addresses):
			value, f.Addresses = f.Addresses[i].Street, dropAt(f.Addresses, i)
		case list == "birthday" && !hasIdx:
			value, f.Birthday = f.Birthday, ""
		case list == "anniversary" && !hasIdx:
			value, f.Anniversary = f.Anniversary, ""
		default:
			return out, dropped, err
		}
		dropped = append(dropped, droppedValue{quoted: strconv.Quote(value), text: fmt.Sprintf("%s %q: %s", list, value, ce.Message)})
	}
	return out, dropped, err
}

func dropAt[T any](s []T, i int) []T {
	out := make([]T, 0, len(s)-1)
	out = append(out, s[:i]...)
	return append(out, s[i+1:]...)
}

// vcardSource reads the cards of a vCard file.
type vcardSource struct {
	dec    *vcard.Decoder
	index  int
	strays []Entry
}

func newVCardSource(r io.Reader) *vcardSource {
	return &vcardSource{dec: vcard.NewDecoder(r)}
}

func (s *vcardSource) stray() []Entry { return s.strays }

func (s *vcardSource) next() (record, error) {
	card, probs, err := s.dec.Next()
	for _, p := range probs {
		if errors.Is(err, io.EOF) || p.Card != s.index {
			// Text outside any card, or a card that was dropped.
			s.strays = append(s.strays, Entry{Record: p.Card + 1, Line: p.Line, Reason: "problem", Detail: p.String()})
		}
	}
	if errors.Is(err, io.EOF) {
		return record{}, io.EOF
	}
	if err != nil {
		return record{}, fmt.Errorf("importexport: read vCard file: %w", err)
	}
	s.index++
	rec := record{number: s.index, line: card.Line}
	for _, p := range probs {
		if p.Card == s.index-1 {
			rec.problems = append(rec.problems, p.String())
		}
	}
	rec.fields, _ = contactcard.FromCard(card)
	version := vcard.Version30
	if card.Version == vcard.Version40 {
		version = vcard.Version40
	}
	if b, err := vcard.Marshal(card, version); err == nil {
		rec.card = b
	} else {
		rec.problems = append(rec.problems, "the card cannot be kept for export: "+err.Error())
	}
	rec.photo = cardPhoto(card)
	return rec, nil
}

// cardPhoto returns a card's inline PHOTO, or nil.
func cardPhoto(card *vcard.Card) *store.Photo {
	p := card.Preferred("PHOTO")
	if p == nil {
		return nil
	}
	data, media, err := p.Data()
	if err != nil || len(data) == 0 {
		return nil
	}
	if media == "" {
		media = "application/octet-stream"
	}
	return &store.Photo{MediaType: media, Data: data}
}

// csvSource reads the rows of a CSV file.
type csvSource struct {
	rd      *csvimport.Reader
	mapping csvimport.Mapping
	number  int
	strays  []Entry
	// guess maps columns of a file without a header as their values show:
	// a column holding an e-mail address becomes an e-mail column.
	guess bool
}

func newCSVSource(r io.Reader, opts Options) (*csvSource, error) {
	rd, err := csvimport.Open(r, csvimport.Options{Charset: opts.Charset, Delimiter: opts.Delimiter})
	if err != nil {
		return nil, fmt.Errorf("importexport: %w", err)
	}
	m, err := mappingFor(rd.Header(), opts)
	if err != nil {
		return nil, err
	}
	var strays []Entry
	for _, w := range rd.Detection().Warnings {
		strays = append(strays, Entry{Reason: "problem", Detail: w})
	}
	guess := !rd.Detection().HasHeader && opts.Map == "" && len(opts.Columns) == 0
	return &csvSource{rd: rd, mapping: m, guess: guess, strays: strays}, nil
}

// mappingFor is the detected mapping of a header with the options'
// overrides applied.
func mappingFor(header []string, opts Options) (csvimport.Mapping, error) {
	_, m := csvimport.DetectProfile(header)
	if opts.Map != "" {
		if err := m.Apply(opts.Map); err != nil {
			return m, crm.Errorf(crm.CodeInvalidInput, "%v", err)
		}
	}
	for col, spec := range opts.Columns {
		t, err := csvimport.ParseTarget(spec)
		if err != nil {
			return m, crm.Errorf(crm.CodeInvalidInput, "column %d: %v", col+1, err)
		}
		if t.Field == csvimport.FieldIgnore {
			delete(m.Columns, col)
			continue
		}
		if err := m.Set(col, t); err != nil {
			return m, crm.Errorf(crm.CodeInvalidInput, "%v", err)
		}
	}
	return m, nil
}

func (s *csvSource) stray() []Entry { return s.strays }

func (s *csvSource) next() (record, error) {
	for {
		row, err := s.rd.Next()
		if errors.Is(err, io.EOF) {
			return record{}, io.EOF
		}
		var rowErr *csvimport.RowError
		if errors.As(err, &rowErr) {
			s.number++
			return record{number: s.number, line: rowErr.Line, broken: rowErr.Err.Error()}, nil
		}
		if err != nil {
			return record{}, fmt.Errorf("importexport: read CSV file: %w", err)
		}
		if row.Blank() {
			continue
		}
		s.number++
		s.guessColumns(row)
		rec, problems := csvimport.ToRecord(row, s.mapping)
		out := record{number: s.number, line: row.Line, fields: fieldsFromRecord(rec)}
		for _, p := range problems {
			out.problems = append(out.problems, p.String())
		}
		return out, nil
	}
}

// guessColumns maps the unmapped columns of a header-less file whose value
// in row is an e-mail address to e-mail.
func (s *csvSource) guessColumns(row csvimport.Row) {
	if !s.guess {
		return
	}
	for i, v := range row.Fields {
		if _, mapped := s.mapping.Columns[i]; mapped {
			continue
		}
		v = strings.TrimSpace(v)
		if at := strings.IndexByte(v, '@'); at > 0 && at < len(v)-1 && !strings.ContainsAny(v, " \t,;<>") {
			_ = s.mapping.Set(i, csvimport.Target{Field: csvimport.FieldEmail, Index: i + 1})
		}
	}
}
