package app

import (
	"fieldbook/backend/crm"
	"fieldbook/backend/importexport"
)

// ImportRequest is what the import wizard asks for.
type ImportRequest struct {
	Path string `json:"path"`
	// Format is "csv", "vcard" or "" (detect).
	Format string `json:"format"`
	// Charset forces a CSV file's charset ("" detects it).
	Charset string `json:"charset"`
	// Delimiter forces a CSV delimiter: ",", ";", "\t" or "" (detect).
	Delimiter string `json:"delimiter"`
	// Columns are the user's choices for CSV columns.
	Columns []ColumnChoice `json:"columns"`
	// OnDuplicate is "merge" (default), "skip" or "import".
	OnDuplicate string `json:"onDuplicate"`
}

// ColumnChoice maps one CSV column to a target ("given_name",
// "email:work", "ignore", …).
type ColumnChoice struct {
	Index  int    `json:"index"`
	Target string `json:"target"`
}

// ImportColumn is one CSV column in the preview.
type ImportColumn struct {
	Index  int    `json:"index"`
	Header string `json:"header"`
	Target string `json:"target"`
	Sample string `json:"sample"`
}

// ImportPreviewRecord is one record as it would be imported.
type ImportPreviewRecord struct {
	Record      int          `json:"record"`
	Line        int          `json:"line"`
	DisplayName string       `json:"displayName"`
	Fields      ContactInput `json:"fields"`
	// Skip is why it would be skipped ("empty", "invalid", "unreadable") or "".
	Skip     string   `json:"skip"`
	Problems []string `json:"problems"`
}

// ImportPreview is what the wizard shows before importing.
type ImportPreview struct {
	Format    string                `json:"format"`
	Encoding  string                `json:"encoding"`
	BOM       bool                  `json:"bom"`
	Delimiter string                `json:"delimiter"`
	Source    string                `json:"source"`
	Language  string                `json:"language"`
	Columns   []ImportColumn        `json:"columns"`
	Records   []ImportPreviewRecord `json:"records"`
	Warnings  []string              `json:"warnings"`
	Targets   []string              `json:"targets"`
	// Items, Events and Tasks describe an iCalendar file (format "ics"):
	// its first meetings and tasks, and how many of each it holds.
	Items  []ImportCalendarItem `json:"items"`
	Events int                  `json:"events"`
	Tasks  int                  `json:"tasks"`
}

// ImportCalendarItem is one meeting or task of an iCalendar file in the
// preview.
type ImportCalendarItem struct {
	Kind      string   `json:"kind"` // "event" or "task"
	Line      int      `json:"line"`
	Title     string   `json:"title"`
	Start     string   `json:"start"` // local start (task: due) in timeZone
	TimeZone  string   `json:"timeZone"`
	AllDay    bool     `json:"allDay"`
	Recurring bool     `json:"recurring"`
	Skip      string   `json:"skip"` // "unreadable", "invalid" or ""
	Problems  []string `json:"problems"`
}

// ImportProgress is sent with the import:progress event.
type ImportProgress struct {
	JobID      string `json:"jobId"`
	BytesRead  int64  `json:"bytesRead"`
	BytesTotal int64  `json:"bytesTotal"`
	Records    int    `json:"records"`
	Imported   int    `json:"imported"`
	Merged     int    `json:"merged"`
	Skipped    int    `json:"skipped"`
}

// ImportEntry is one record the result lists.
type ImportEntry struct {
	Record    int    `json:"record"`
	Line      int    `json:"line"`
	Name      string `json:"name"`
	Reason    string `json:"reason"`
	Detail    string `json:"detail"`
	ContactID string `json:"contactId"`
}

// ImportJob is the state of an import: "running", "done", "cancelled" or
// "failed" (Error then says why).
type ImportJob struct {
	ID       string         `json:"id"`
	Path     string         `json:"path"`
	State    string         `json:"state"`
	Progress ImportProgress `json:"progress"`
	Format   string         `json:"format"`
	Records  int            `json:"records"`
	Imported int            `json:"imported"`
	Merged   int            `json:"merged"`
	Skipped  int            `json:"skipped"`
	// MergedEntries, SkippedEntries and Warnings are the first 1,000 of each.
	MergedEntries  []ImportEntry `json:"mergedEntries"`
	SkippedEntries []ImportEntry `json:"skippedEntries"`
	Warnings       []ImportEntry `json:"warnings"`
	WarningCount   int           `json:"warningCount"`
	Error          string        `json:"error"`
}

// ExportRequest is what the export dialog asks for.
type ExportRequest struct {
	// Format is "csv", "vcard3" or "vcard4".
	Format string `json:"format"`
	// IDs are the contacts to export; empty with an empty Query means all.
	IDs []string `json:"ids"`
	// Query exports the contacts a search finds (when IDs is empty).
	Query string `json:"query"`
	// Path is the file to write, or with OnePerContact the folder.
	Path          string `json:"path"`
	OnePerContact bool   `json:"onePerContact"`
}

// ExportResult says what was written.
type ExportResult struct {
	Count int      `json:"count"`
	Paths []string `json:"paths"`
}

func toImportOptions(req ImportRequest) (importexport.Options, error) {
	var opts importexport.Options
	var err error
	if opts.Format, err = importexport.ParseFormat(req.Format); err != nil {
		return opts, crm.Errorf(crm.CodeInvalidInput, "%v", err)
	}
	opts.Charset = req.Charset
	switch req.Delimiter {
	case "":
	case ",", ";", "\t", "|":
		opts.Delimiter = rune(req.Delimiter[0])
	default:
		return opts, crm.Errorf(crm.CodeInvalidInput, "unsupported delimiter %q", req.Delimiter)
	}
	switch d := importexport.OnDuplicate(req.OnDuplicate); d {
	case "", importexport.DuplicateMerge, importexport.DuplicateSkip, importexport.DuplicateImport:
		opts.OnDuplicate = d
	default:
		return opts, crm.Errorf(crm.CodeInvalidInput, "unknown duplicate choice %q (merge, skip or import)", req.OnDuplicate)
	}
	if len(req.Columns) > 0 {
		opts.Columns = make(map[int]string, len(req.Columns))
		for _, c := range req.Columns {
			opts.Columns[c.Index] = c.Target
		}
	}
	return opts, nil
}

func toPreviewDTO(p importexport.Preview) ImportPreview {
	out := ImportPreview{Format: string(p.Format), Encoding: p.Encoding, BOM: p.BOM, Delimiter: p.Delimiter,
		Source: p.Source, Language: p.Language, Columns: []ImportColumn{}, Records: []ImportPreviewRecord{},
		Warnings: nonNil(p.Warnings), Targets: nonNil(p.Targets)}
	for _, c := range p.Columns {
		out.Columns = append(out.Columns, ImportColumn(c))
	}
	for _, r := range p.Records {
		out.Records = append(out.Records, ImportPreviewRecord{Record: r.Record, Line: r.Line, DisplayName: r.Fields.DisplayName(),
			Fields: toInput(r.Fields), Skip: r.Skip, Problems: nonNil(r.Problems)})
	}
	out.Items, out.Events, out.Tasks = []ImportCalendarItem{}, p.Events, p.Tasks
	for _, it := range p.Items {
		out.Items = append(out.Items, ImportCalendarItem{Kind: it.Kind, Line: it.Line, Title: it.Title, Start: it.Start,
			TimeZone: it.TimeZone, AllDay: it.AllDay, Recurring: it.Recurring, Skip: it.Skip, Problems: nonNil(it.Problems)})
	}
	return out
}

// toInput is the DTO form of contact fields (lists never null).
func toInput(f crm.ContactFields) ContactInput {
	return toContactDTO(crm.Contact{ContactFields: f}).ContactInput
}

func toEntries(in []importexport.Entry) []ImportEntry {
	out := make([]ImportEntry, len(in))
	for i, e := range in {
		out[i] = ImportEntry(e)
	}
	return out
}
