package app

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"fieldbook/backend/calendar"
	"fieldbook/backend/contacts"
	"fieldbook/backend/crm"
	"fieldbook/backend/importexport"
	"fieldbook/backend/store"
)

// splitArgs separates flags from positional arguments, so a file may come
// before or after the flags ("import FILE --format csv"). valued names the
// flags that take a value.
func splitArgs(args []string, valued map[string]bool) (flags, positional []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return flags, append(positional, args[i+1:]...)
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			positional = append(positional, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if !strings.Contains(name, "=") && valued[name] && i+1 < len(args) {
			flags = append(flags, args[i+1])
			i++
		}
	}
	return flags, positional
}

func runImport(ctx context.Context, inv Invocation, stdout, stderr io.Writer) error {
	fs := newFlagSet("import", stderr)
	format := fs.String("format", "", "csv, vcard or ics (default: detect)")
	mapping := fs.String("map", "", "CSV column overrides: target=column,… with 0-based columns, e.g. given_name=0,email:work=3,ignore=5")
	charset := fs.String("charset", "", "force the CSV file's charset (default: detect)")
	onDup := fs.String("on-duplicate", "merge", "merge, skip or import")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	flags, files := splitArgs(inv.Args, map[string]bool{"format": true, "map": true, "charset": true, "on-duplicate": true})
	if err := fs.Parse(flags); err != nil {
		return usageError{err}
	}
	if len(files) != 1 {
		return usageError{fmt.Errorf("give one file to import: fieldbook import FILE [--format csv|vcard|ics] [--map …]")}
	}
	opts, err := toImportOptions(ImportRequest{Format: *format, Charset: *charset, OnDuplicate: *onDup})
	if err != nil {
		return usageError{err}
	}
	opts.Map = *mapping
	db, err := store.Open(ctx, inv.DBPath)
	if err != nil {
		return err
	}
	defer db.Close()
	clock := crm.SystemClock{}
	dups := inv.Duplicates
	if dups.Matcher == nil {
		settings := NewSettingsService(ctx, db, "")
		settings.defaultRegion = inv.PhoneRegion
		dups = importDuplicates(settings.phoneRegion)
	}
	im := importexport.NewImporter(db, contacts.New(db, clock), clock, dups.Matcher, dups.Merge).
		WithZones(calendar.New(db, clock, OSSystem()))
	progressShown := false
	rep, err := im.Import(ctx, files[0], opts, func(p importexport.Progress) {
		if p.BytesTotal > 0 {
			fmt.Fprintf(stderr, "\rimporting: %d%% (%d records)", p.BytesRead*100/p.BytesTotal, p.Records)
			progressShown = true
		}
	})
	if progressShown {
		fmt.Fprintln(stderr) // end the progress line
	}
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	if rep.Format == importexport.FormatICS {
		fmt.Fprintf(stdout, "%s: %d meetings and tasks (ics): %d imported, %d updated, %d skipped\n", files[0], rep.Records, rep.Imported, rep.Merged, rep.Skipped)
		for _, e := range rep.MergedEntries {
			fmt.Fprintf(stdout, "  updated  %s: %s\n", entryPlace(e), e.Detail)
		}
	} else {
		fmt.Fprintf(stdout, "%s: %d records (%s): %d imported, %d merged, %d skipped\n", files[0], rep.Records, rep.Format, rep.Imported, rep.Merged, rep.Skipped)
		for _, e := range rep.MergedEntries {
			fmt.Fprintf(stdout, "  merged   %s into %s: same %s\n", entryPlace(e), e.ContactID, e.Reason)
		}
	}
	for _, e := range rep.SkippedEntries {
		fmt.Fprintf(stdout, "  skipped  %s: %s: %s\n", entryPlace(e), e.Reason, e.Detail)
	}
	if rep.WarningCount > 0 {
		fmt.Fprintf(stdout, "  %d values could not be read and were left out (--json lists them)\n", rep.WarningCount)
	}
	if rep.Cancelled {
		fmt.Fprintln(stdout, "interrupted: what was stored before the interruption stays")
	}
	return nil
}

func runExport(ctx context.Context, inv Invocation, stdout, stderr io.Writer) error {
	fs := newFlagSet("export", stderr)
	format := fs.String("format", "vcard3", "csv, vcard3, vcard4 or ics (meetings and tasks)")
	out := fs.String("o", "", "the file to write (default: standard output)")
	dir := fs.String("dir", "", "write one file per contact into this folder instead")
	query := fs.String("query", "", "export only the contacts this search finds")
	flags, rest := splitArgs(inv.Args, map[string]bool{"format": true, "o": true, "dir": true, "query": true})
	if err := fs.Parse(flags); err != nil {
		return usageError{err}
	}
	if len(rest) > 0 {
		return usageError{fmt.Errorf("unexpected argument %q", rest[0])}
	}
	f, err := importexport.ParseExportFormat(*format)
	if err != nil {
		return usageError{err}
	}
	if f == importexport.ExportICS && (*dir != "" || *query != "") {
		return usageError{fmt.Errorf("--format ics exports every meeting and task into one file: --dir and --query do not apply")}
	}
	db, err := store.Open(ctx, inv.DBPath)
	if err != nil {
		return err
	}
	defer db.Close()
	what := "contacts"
	if f == importexport.ExportICS {
		what = "meetings and tasks"
	}
	var ids []string
	if *query != "" {
		svc := &ImportExportService{ctx: ctx, db: db}
		if ids, err = svc.searchIDs(*query); err != nil {
			return err
		}
		if len(ids) == 0 {
			fmt.Fprintf(stderr, "no contact matches %q; nothing exported\n", *query)
			return nil
		}
	}
	switch {
	case *dir != "":
		res, err := exportTo(ctx, db, f, ids, *dir, true)
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "exported %d contacts into %s\n", res.Count, *dir)
	case *out != "":
		res, err := exportTo(ctx, db, f, ids, *out, false)
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "exported %d %s to %s\n", res.Count, what, *out)
	default:
		n, err := importexport.Export(ctx, db, stdout, f, ids)
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "exported %d %s\n", n, what)
	}
	return nil
}

// entryPlace names a reported record: its number, line and name (when it
// has one), e.g. `record 3 (line 40) Ada Lovelace`.
func entryPlace(e importexport.Entry) string {
	place := fmt.Sprintf("record %d (line %d)", e.Record, e.Line)
	if e.Name != "" {
		place += " " + e.Name
	}
	return place
}
