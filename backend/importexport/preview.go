package importexport

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"fieldbook/backend/crm"
	"fieldbook/backend/csvimport"
	"fieldbook/backend/eventcard"
	"fieldbook/backend/textenc"
)

// PreviewRows is how many records a preview shows.
const PreviewRows = 20

// Column is one CSV column as the wizard shows it.
type Column struct {
	Index  int
	Header string
	// Target is what the column is imported as (csvimport.Target.String),
	// "ignore" when it is not imported.
	Target string
	// Sample is the column's first non-empty value in the previewed rows.
	Sample string
}

// PreviewRecord is one record as it would be imported.
type PreviewRecord struct {
	Record, Line int
	Fields       crm.ContactFields
	// Skip is the reason code the record would be skipped for ("" if it
	// would be imported), Problems what would be dropped from it.
	Skip     string
	Problems []string
}

// Preview is what the wizard shows before importing.
type Preview struct {
	Format    Format
	Encoding  string // canonical charset name (utf-8, utf-16le, windows-1252, shift_jis, …)
	BOM       bool
	Delimiter string // "," ";" "\t" (CSV only)
	// Source and Language name the header profile (outlook/google/
	// thunderbird/generic; "en", "de" or "").
	Source, Language string
	Columns          []Column
	Records          []PreviewRecord
	// Items are the meetings and tasks of an iCalendar file (the first
	// PreviewRows); Events and Tasks count all of them.
	Items         []CalendarItem
	Events, Tasks int
	Warnings      []string
	// Targets are the choices for a column's target.
	Targets []string
}

// columnTargets are the choices offered for a CSV column.
var columnTargets = []string{
	"ignore", "prefix", "given_name", "middle_name", "family_name", "suffix", "nickname", "display_name",
	"company", "department", "title", "email", "email:work", "email:home", "phone", "phone:work",
	"phone:home", "phone:mobile", "phone:fax", "street", "city", "region", "postcode", "country",
	"address", "website", "birthday", "anniversary", "notes", "categories",
}

// PreviewFile reads the start of the file at path and says how it would be
// imported with opts.
func PreviewFile(path string, opts Options) (Preview, error) {
	var p Preview
	file, sample, err := openImportFile(path)
	if err != nil {
		return p, err
	}
	defer file.Close()
	format := opts.Format
	if format == "" {
		format = detectFormat(sample, path)
	}
	p.Format = format
	var src source
	switch format {
	case FormatVCard:
		sample := make([]byte, textenc.SampleSize)
		n, _ := io.ReadFull(file, sample)
		det := textenc.Detect(sample[:n])
		p.Encoding, p.BOM = det.Name, det.BOM
		if _, err := file.Seek(0, io.SeekStart); err != nil {
			return p, fmt.Errorf("importexport: %w", err)
		}
		src = newVCardSource(file)
	case FormatICS:
		return previewICS(file, path, p)
	case FormatCSV:
		cs, err := newCSVSource(file, opts)
		if err != nil {
			return p, err
		}
		det := cs.rd.Detection()
		p.Encoding, p.BOM = det.Encoding.Name, det.Encoding.BOM
		p.Delimiter = string(det.Delimiter)
		prof, _ := csvimport.DetectProfile(cs.rd.Header())
		p.Source, p.Language = string(prof.Source), prof.Language
		header := cs.rd.Header()
		width := len(header)
		p.Targets = slices.Clone(columnTargets)
		for i := 0; i < width; i++ {
			t := "ignore"
			if tg, ok := cs.mapping.Columns[i]; ok && tg.Field != csvimport.FieldCustom && tg.Field != csvimport.FieldIgnore {
				t = tg.String()
			}
			if !slices.Contains(p.Targets, t) {
				p.Targets = append(p.Targets, t)
			}
			p.Columns = append(p.Columns, Column{Index: i, Header: cs.mapping.ColumnName(i), Target: t})
		}
		src = previewCSV{cs: cs, cols: p.Columns}
	default:
		return p, crm.Errorf(crm.CodeInvalidInput, "unknown format %q", format)
	}
	for len(p.Records) < PreviewRows {
		rec, err := src.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return p, err
		}
		pr := PreviewRecord{Record: rec.number, Line: rec.line, Fields: rec.fields, Problems: rec.problems}
		if rec.broken != "" {
			pr.Skip = "unreadable"
			pr.Problems = append(pr.Problems, rec.broken)
		} else {
			f, dropped, err := validate(rec)
			pr.Problems = append(pr.Problems, dropped...)
			var ce *crm.Error
			switch {
			case err == nil:
				pr.Fields = f
			case errors.As(err, &ce) && ce.Code == crm.CodeContactEmpty:
				pr.Skip = "empty"
			default:
				pr.Skip = "invalid"
				pr.Problems = append(pr.Problems, err.Error())
			}
		}
		p.Records = append(p.Records, pr)
	}
	for _, w := range src.stray() {
		p.Warnings = append(p.Warnings, w.Detail)
	}
	return p, nil
}

// CalendarItem is one meeting or task of an iCalendar file as the import
// wizard shows it.
type CalendarItem struct {
	Kind string // "event" or "task"
	Line int
	// Title, and Start (a meeting's start, a task's due) as local values
	// in TimeZone ("" floating or all-day).
	Title, Start, TimeZone string
	AllDay, Recurring      bool
	// Skip is "unreadable" for a component that would be skipped.
	Skip     string
	Problems []string
}

// previewICS reads an iCalendar file for the wizard.
func previewICS(file io.Reader, path string, p Preview) (Preview, error) {
	data, err := io.ReadAll(io.LimitReader(file, maxICSSize+1))
	if err != nil {
		return p, crm.Errorf(crm.CodeFileUnreadable, "cannot read %s: %v", path, unwrapPath(err))
	}
	det := textenc.Detect(data[:min(len(data), textenc.SampleSize)])
	p.Encoding, p.BOM = det.Name, det.BOM
	objs, probs, err := eventcard.Read(data)
	if err != nil {
		return p, crm.Errorf(crm.CodeFileUnreadable, "%s holds no calendar data", path)
	}
	for _, o := range objs {
		it := CalendarItem{Kind: o.Kind, Line: o.Line}
		if o.Kind == eventcard.KindTask {
			p.Tasks++
			it.Title, it.Start, it.TimeZone, it.Recurring = o.Task.Title, o.Task.Due, o.Task.TimeZone, o.Task.RRule != ""
			it.AllDay = isDateValue(o.Task.Due)
		} else {
			p.Events++
			e := o.Event
			it.Title, it.Start, it.TimeZone, it.AllDay = e.Title, e.Start, e.TimeZone, e.AllDay
			it.Recurring = e.RRule != "" || len(e.RDates) > 0
			if _, dropped, err := ImportableEvent(e); err != nil {
				it.Skip, it.Problems = "invalid", []string{err.Error()}
			} else {
				it.Problems = dropped
			}
		}
		if len(p.Items) < PreviewRows {
			p.Items = append(p.Items, it)
		}
	}
	for _, pr := range probs {
		if eventcard.Skipped(pr) && len(p.Items) < PreviewRows {
			p.Items = append(p.Items, CalendarItem{Line: pr.Line, Skip: "unreadable", Problems: []string{pr.String()}})
			continue
		}
		p.Warnings = append(p.Warnings, pr.String())
	}
	return p, nil
}

// previewCSV is a csvSource that also fills in the columns' samples.
type previewCSV struct {
	cs   *csvSource
	cols []Column
}

func (s previewCSV) stray() []Entry { return s.cs.strays }

func (s previewCSV) next() (record, error) {
	for {
		row, err := s.cs.rd.Next()
		if errors.Is(err, io.EOF) {
			return record{}, io.EOF
		}
		var rowErr *csvimport.RowError
		if errors.As(err, &rowErr) {
			s.cs.number++
			return record{number: s.cs.number, line: rowErr.Line, broken: rowErr.Err.Error()}, nil
		}
		if err != nil {
			return record{}, fmt.Errorf("importexport: read CSV file: %w", err)
		}
		if row.Blank() {
			continue
		}
		for i := range s.cols {
			if s.cols[i].Sample == "" {
				s.cols[i].Sample = strings.TrimSpace(row.Field(i))
			}
		}
		s.cs.number++
		s.cs.guessColumns(row)
		rec, problems := csvimport.ToRecord(row, s.cs.mapping)
		out := record{number: s.cs.number, line: row.Line, fields: fieldsFromRecord(rec)}
		for _, p := range problems {
			out.problems = append(out.problems, p.String())
		}
		return out, nil
	}
}

// unwrapPath drops the *os.PathError wrapper (the path is already said).
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
