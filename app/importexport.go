package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"

	"fieldbook/backend/contacts"
	"fieldbook/backend/crm"
	"fieldbook/backend/importexport"
	"fieldbook/backend/store"
)

// Events of an import.
const (
	// EventImportProgress carries an ImportProgress while an import runs.
	EventImportProgress = "import:progress"
	// EventImportDone carries the ImportJob of a finished import.
	EventImportDone = "import:done"
)

// FileFilter is a file type choice in an open dialog.
type FileFilter struct {
	DisplayName string // "Contacts (*.csv, *.vcf)"
	Pattern     string // "*.csv;*.vcf"
}

// FileDialogs are the native file dialogs (the Wails runtime's in the
// window). Each returns "" when the user cancels.
type FileDialogs interface {
	OpenFile(title string, filters []FileFilter) (string, error)
	SaveFile(title, defaultName string) (string, error)
	ChooseDirectory(title string) (string, error)
}

// SwitchableDialogs forwards to FileDialogs set once the window exists.
type SwitchableDialogs struct {
	mu     sync.Mutex
	target FileDialogs
}

// Set makes d the dialogs used from now on.
func (s *SwitchableDialogs) Set(d FileDialogs) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.target = d
}

func (s *SwitchableDialogs) get() (FileDialogs, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.target == nil {
		return nil, errors.New("no window: file dialogs are not available")
	}
	return s.target, nil
}

// Duplicates is how imports find and merge duplicates: Matcher builds the
// index when an import starts (nil: no duplicate detection), Merge combines
// two contacts (nil: importexport.UnionMerge).
type Duplicates struct {
	Matcher importexport.MatcherFactory
	Merge   importexport.MergeFunc
}

// ImportExportService is bound to the front end: the import wizard and the
// export dialog.
type ImportExportService struct {
	ctx      context.Context
	db       *store.DB
	importer *importexport.Importer
	clock    crm.Clock
	events   Emitter
	dialogs  *SwitchableDialogs

	mu   sync.Mutex
	jobs map[string]*importJob
}

type importJob struct {
	cancel context.CancelFunc
	state  ImportJob // guarded by ImportExportService.mu
}

// NewImportExportService builds the service.
func NewImportExportService(ctx context.Context, db *store.DB, clock crm.Clock, events Emitter, dialogs *SwitchableDialogs, dups Duplicates) *ImportExportService {
	if dialogs == nil {
		dialogs = &SwitchableDialogs{}
	}
	im := importexport.NewImporter(db, contacts.New(db, clock), clock, dups.Matcher, dups.Merge)
	return &ImportExportService{ctx: ctx, db: db, importer: im, clock: clock, events: events, dialogs: dialogs, jobs: map[string]*importJob{}}
}

// ChooseImportFile asks for a CSV, vCard or iCalendar file; "" when cancelled.
func (s *ImportExportService) ChooseImportFile() (string, error) {
	d, err := s.dialogs.get()
	if err != nil {
		return "", err
	}
	return d.OpenFile("Import contacts, meetings or tasks", []FileFilter{
		{DisplayName: "Contacts (*.csv, *.vcf)", Pattern: "*.csv;*.vcf;*.vcard;*.txt"},
		{DisplayName: "Calendars (*.ics)", Pattern: "*.ics;*.ical;*.ifb"},
		{DisplayName: "All files", Pattern: "*"},
	})
}

// ChooseExportFile asks where to save an export in format; "" when cancelled.
func (s *ImportExportService) ChooseExportFile(format string) (string, error) {
	f, err := importexport.ParseExportFormat(format)
	if err != nil {
		return "", err
	}
	d, err := s.dialogs.get()
	if err != nil {
		return "", err
	}
	return d.SaveFile("Export contacts", "contacts"+f.Ext())
}

// ChooseExportFolder asks for a folder for one file per contact.
func (s *ImportExportService) ChooseExportFolder() (string, error) {
	d, err := s.dialogs.get()
	if err != nil {
		return "", err
	}
	return d.ChooseDirectory("Export contacts: one file per contact")
}

// PreviewImport says how a file would be imported: format, encoding,
// delimiter, header profile, the column mapping and the first records.
func (s *ImportExportService) PreviewImport(req ImportRequest) (ImportPreview, error) {
	opts, err := toImportOptions(req)
	if err != nil {
		return ImportPreview{}, err
	}
	if req.Path == "" {
		return ImportPreview{}, crm.FieldError(crm.CodeInvalidInput, "path", "choose a file to import")
	}
	p, err := importexport.PreviewFile(req.Path, opts)
	if err != nil {
		return ImportPreview{}, err
	}
	return toPreviewDTO(p), nil
}

// StartImport starts importing a file in the background and returns the
// job's ID. Progress comes as import:progress events, the end as import:done.
func (s *ImportExportService) StartImport(req ImportRequest) (string, error) {
	opts, err := toImportOptions(req)
	if err != nil {
		return "", err
	}
	if _, err := os.Stat(req.Path); err != nil {
		return "", crm.Errorf(crm.CodeFileUnreadable, "cannot open %s: %v", req.Path, err)
	}
	id := crm.NewID(s.clock.Now())
	ctx, cancel := context.WithCancel(s.ctx)
	job := &importJob{cancel: cancel, state: ImportJob{ID: id, Path: req.Path, State: "running",
		Progress: ImportProgress{JobID: id}, MergedEntries: []ImportEntry{}, SkippedEntries: []ImportEntry{}, Warnings: []ImportEntry{}}}
	s.mu.Lock()
	s.jobs[id] = job
	s.mu.Unlock()
	go s.run(ctx, job, req.Path, opts)
	return id, nil
}

func (s *ImportExportService) run(ctx context.Context, job *importJob, path string, opts importexport.Options) {
	defer job.cancel()
	id := job.state.ID
	rep, err := s.importer.Import(ctx, path, opts, func(p importexport.Progress) {
		dto := ImportProgress{JobID: id, BytesRead: p.BytesRead, BytesTotal: p.BytesTotal, Records: p.Records,
			Imported: p.Imported, Merged: p.Merged, Skipped: p.Skipped}
		s.mu.Lock()
		job.state.Progress = dto
		s.mu.Unlock()
		s.events.Emit(EventImportProgress, dto)
	})
	s.mu.Lock()
	st := &job.state
	st.Format, st.Records, st.Imported, st.Merged, st.Skipped = string(rep.Format), rep.Records, rep.Imported, rep.Merged, rep.Skipped
	st.MergedEntries, st.SkippedEntries, st.Warnings, st.WarningCount = toEntries(rep.MergedEntries), toEntries(rep.SkippedEntries), toEntries(rep.Warnings), rep.WarningCount
	switch {
	case err != nil:
		st.State, st.Error = "failed", userMessage(err)
	case rep.Cancelled:
		st.State = "cancelled"
	default:
		st.State = "done"
	}
	done := *st
	s.mu.Unlock()
	s.events.Emit(EventImportDone, done)
	if rep.Imported+rep.Merged > 0 {
		if rep.Format == importexport.FormatICS {
			// Meetings and tasks: the calendar, the task lists and the
			// reminders refresh.
			s.events.Emit(EventCalendarChanged)
			s.events.Emit(EventTasksChanged)
		} else {
			s.events.Emit(EventContactsChanged)
		}
		s.events.Emit(EventStatusChanged)
	}
}

// userMessage is the text a user sees for an import failure.
func userMessage(err error) string {
	var ce *crm.Error
	if errors.As(err, &ce) {
		return ce.Message
	}
	return err.Error()
}

// CancelImport stops a running import; the contacts stored so far stay.
func (s *ImportExportService) CancelImport(id string) error {
	s.mu.Lock()
	job, ok := s.jobs[id]
	s.mu.Unlock()
	if !ok {
		return crm.Errorf(crm.CodeNotFound, "no import %s", id)
	}
	job.cancel()
	return nil
}

// ImportResult returns the state of an import: its progress while running,
// its report when finished.
func (s *ImportExportService) ImportResult(id string) (ImportJob, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	job, ok := s.jobs[id]
	if !ok {
		return ImportJob{}, crm.Errorf(crm.CodeNotFound, "no import %s", id)
	}
	return job.state, nil
}

// ExportContacts writes contacts to a file (or one file per contact into a
// folder) in CSV, vCard 3.0 or vCard 4.0.
func (s *ImportExportService) ExportContacts(req ExportRequest) (ExportResult, error) {
	format, err := importexport.ParseExportFormat(req.Format)
	if err != nil {
		return ExportResult{}, err
	}
	if req.Path == "" {
		return ExportResult{}, crm.FieldError(crm.CodeInvalidInput, "path", "choose where to export to")
	}
	ids := req.IDs
	if len(ids) == 0 && req.Query != "" {
		if ids, err = s.searchIDs(req.Query); err != nil {
			return ExportResult{}, err
		}
		if len(ids) == 0 {
			return ExportResult{Paths: []string{}}, nil
		}
	}
	return exportTo(s.ctx, s.db, format, ids, req.Path, req.OnePerContact)
}

// exportTo writes the export to path (a file, or a folder when each).
func exportTo(ctx context.Context, db *store.DB, format importexport.ExportFormat, ids []string, path string, each bool) (ExportResult, error) {
	if each {
		paths, err := importexport.ExportFiles(ctx, db, path, format, ids)
		if err != nil {
			return ExportResult{}, crm.Errorf(crm.CodeFileUnreadable, "cannot write to %s: %v", path, err)
		}
		return ExportResult{Count: len(paths), Paths: nonNil(paths)}, nil
	}
	tmp := path + ".part"
	f, err := os.Create(tmp)
	if err != nil {
		return ExportResult{}, crm.Errorf(crm.CodeFileUnreadable, "cannot write %s: %v", path, err)
	}
	n, err := importexport.Export(ctx, db, f, format, ids)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return ExportResult{}, fmt.Errorf("app: export to %s: %w", path, err)
	}
	return ExportResult{Count: n, Paths: []string{path}}, nil
}

// searchIDs returns the IDs of every contact a search finds.
func (s *ImportExportService) searchIDs(query string) ([]string, error) {
	var ids []string
	for offset := 0; ; offset += 1000 {
		page, err := s.db.SearchContacts(s.ctx, query, offset, 1000)
		if err != nil {
			return nil, err
		}
		for _, c := range page.Items {
			ids = append(ids, c.ID)
		}
		if len(page.Items) < 1000 {
			return ids, nil
		}
	}
}
