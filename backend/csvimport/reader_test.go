package csvimport

import (
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
)

// result is one outcome of Next: a row or a row error.
type result struct {
	Line   int
	Fields []string
	Err    error // a *RowError's reason, compared with errors.Is
}

// readAll opens in and collects every row and row error.
func readAll(t *testing.T, in string, opts Options) (*Reader, []result) {
	t.Helper()
	r, err := Open(iotest.HalfReader(strings.NewReader(in)), opts)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	var out []result
	for {
		row, err := r.Next()
		if errors.Is(err, io.EOF) {
			return r, out
		}
		var rowErr *RowError
		if errors.As(err, &rowErr) {
			out = append(out, result{Line: rowErr.Line, Err: rowErr.Err})
			continue
		}
		if err != nil {
			t.Fatalf("Next: %v", err)
		}
		out = append(out, result{Line: row.Line, Fields: row.Fields})
	}
}

// sameResults compares results, matching errors with errors.Is.
func sameResults(got, want []result) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.Line != w.Line || !reflect.DeepEqual(g.Fields, w.Fields) {
			return false
		}
		if (g.Err == nil) != (w.Err == nil) || (w.Err != nil && !errors.Is(g.Err, w.Err)) {
			return false
		}
	}
	return true
}

func row(line int, fields ...string) result { return result{Line: line, Fields: fields} }
func bad(line int, err error) result        { return result{Line: line, Err: err} }

func TestParse(t *testing.T) {
	comma := Options{Delimiter: ',', Header: HeaderPresent}
	tests := []struct {
		name   string
		in     string
		opts   Options
		header []string
		want   []result
	}{
		{"lf", "a,b\n1,2\n3,4\n", comma, []string{"a", "b"}, []result{row(2, "1", "2"), row(3, "3", "4")}},
		{"crlf and no final newline", "a,b\r\n1,2\r\n3,4", comma, []string{"a", "b"}, []result{row(2, "1", "2"), row(3, "3", "4")}},
		{"old mac cr", "a,b\r1,2\r3,4\r", comma, []string{"a", "b"}, []result{row(2, "1", "2"), row(3, "3", "4")}},
		{"trailing and inner blank lines", "a,b\n\n1,2\n\r\n3,4\n\n\n", comma, []string{"a", "b"}, []result{row(3, "1", "2"), row(5, "3", "4")}},
		{"ragged rows", "a,b,c\n1\n1,2,3,4\n", comma, []string{"a", "b", "c"}, []result{row(2, "1"), row(3, "1", "2", "3", "4")}},
		{"empty fields", "a,b,c\n,,\n", comma, []string{"a", "b", "c"}, []result{row(2, "", "", "")}},
		{"quoted newline, doubled quotes", "a,b\n\"x\r\ny\",\"say \"\"hi\"\"\"\n2,3\n", comma, []string{"a", "b"},
			[]result{row(2, "x\ny", `say "hi"`), row(4, "2", "3")}},
		{"quoted delimiter and empty quoted", "a,b,c\n\"1,5\",\"\",x\n", comma, []string{"a", "b", "c"}, []result{row(2, "1,5", "", "x")}},
		{"quote inside unquoted field", "a,b\n5'11\",x\"y\n", comma, []string{"a", "b"}, []result{row(2, `5'11"`, `x"y`)}},
		{"unescaped inner quotes", "a,b\n\"Bob \"the Builder\" Smith\",x\n", comma, []string{"a", "b"}, []result{row(2, `Bob "the Builder" Smith`, "x")}},
		{"text after closing quote", "a,b\n\"abc\"def,ghi\n", comma, []string{"a", "b"}, []result{row(2, "abcdef", "ghi")}},
		{"blanks around quotes", "a,b,c\n \"x\" , \"y\",z\n", comma, []string{"a", "b", "c"}, []result{row(2, "x", "y", "z")}},
		{"lone cr kept in quoted field", "a\n\"x\ry\"\n", comma, []string{"a"}, []result{row(2, "x\ry")}},
		{"tab keeps blanks", "a\tb\n x \t\"y\"\n", Options{Delimiter: '\t', Header: HeaderPresent}, []string{"a", "b"}, []result{row(2, " x ", "y")}},
		{"unterminated quote skips one line", "a,b\n1,\"open\n2,3\n4,5\n", comma, []string{"a", "b"},
			[]result{bad(2, ErrUnterminatedQuote), row(3, "2", "3"), row(4, "4", "5")}},
		{"unterminated quote at the very end", "a,b\n1,2\n3,\"x", comma, []string{"a", "b"},
			[]result{row(2, "1", "2"), bad(3, ErrUnterminatedQuote)}},
		{"bom in header", "\uFEFFName,Email\nx,y\n", comma, []string{"Name", "Email"}, []result{row(2, "x", "y")}},
		{"header trimmed", " First Name , Last Name \nx,y\n", comma, []string{"First Name", "Last Name"}, []result{row(2, "x", "y")}},
		{"empty input", "", comma, nil, nil},
		{"header only", "a,b\r\n", comma, []string{"a", "b"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, got := readAll(t, tt.in, tt.opts)
			if !reflect.DeepEqual(r.Header(), tt.header) {
				t.Errorf("header = %q, want %q", r.Header(), tt.header)
			}
			if !sameResults(got, tt.want) {
				t.Errorf("rows:\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestLimits(t *testing.T) {
	long := strings.Repeat("x", 100)
	tests := []struct {
		name string
		in   string
		opts Options
		want []result
	}{
		{"field too long", "a,b\n1," + long + "\n2,3\n", Options{MaxFieldBytes: 50},
			[]result{bad(2, ErrFieldTooLong), row(3, "2", "3")}},
		{"quoted field too long", "a,b\n1,\"" + long + "\"\n2,3\n", Options{MaxFieldBytes: 50},
			[]result{bad(2, ErrFieldTooLong), row(3, "2", "3")}},
		{"row too long", "a,b\n" + long + "," + long + "\n2,3\n", Options{MaxRowBytes: 150},
			[]result{bad(2, ErrRowTooLong), row(3, "2", "3")}},
		{"open quote runs past the row limit: later lines are read again", "a,b\n1,\"stray\n2,3\n" + long + "\n4,5\n",
			Options{MaxRowBytes: 60}, []result{bad(2, ErrRowTooLong), row(3, "2", "3"), bad(4, ErrRowTooLong), row(5, "4", "5")}},
		{"open quote runs past the field limit", "a,b\n1,\"stray\n2,3\n4,5\n6,7\n",
			Options{MaxFieldBytes: 12}, []result{bad(2, ErrFieldTooLong), row(3, "2", "3"), row(4, "4", "5"), row(5, "6", "7")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opts.Delimiter, tt.opts.Header = ',', HeaderPresent
			_, got := readAll(t, tt.in, tt.opts)
			if !sameResults(got, tt.want) {
				t.Errorf("rows:\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestRowErrorMessage(t *testing.T) {
	_, got := readAll(t, "a\n\"x", Options{Header: HeaderPresent})
	err := &RowError{Line: got[0].Line, Err: got[0].Err}
	if want := "csvimport: row at line 2 skipped: unterminated quoted field"; err.Error() != want {
		t.Errorf("Error() = %q, want %q", err.Error(), want)
	}
}

func TestDelimiterDetection(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		want      rune
		confident bool
	}{
		{"comma", "a,b,c\n1,2,3\n", ',', true},
		{"semicolon with decimal commas", "Name;Betrag;Ort\nHans;1,50;Köln\nEva;2,75;Ulm\n", ';', true},
		{"tab", "a\tb\tc\n1\t2,5\t3\n", '\t', true},
		{"commas inside quotes do not count", "\"a,x\";\"b,y\"\n\"1,2\";\"3,4\"\n", ';', true},
		{"single column", "Email\nx@example.com\n", ',', false},
		{"mixed, majority wins", "1,1,1,1,1@h,,,\n2\t2\t2\t2\t2@h\n3\t3\t3\t3\t3@h\n4\t4\t4\t4\t4@h\n", '\t', false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, _ := readAll(t, tt.in, Options{})
			d := r.Detection()
			if d.Delimiter != tt.want || d.DelimiterConfident != tt.confident {
				t.Errorf("delimiter %q confident %v, want %q %v (warnings %q)", d.Delimiter, d.DelimiterConfident, tt.want, tt.confident, d.Warnings)
			}
			if !tt.confident && tt.want != ',' && len(d.Warnings) == 0 {
				t.Errorf("no warning for an unsure delimiter")
			}
		})
	}
}

func TestHeaderModes(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		mode   HeaderMode
		header bool
		rows   int
	}{
		{"auto: known names", "Vorname;Nachname\nA;B\n", HeaderAuto, true, 1},
		{"auto: unknown words are a header too", "Foo,Bar\n1,2\n", HeaderAuto, true, 1},
		{"auto: data with an e-mail", "John,Doe,john@example.com\nJane,Doe,jane@example.com\n", HeaderAuto, false, 2},
		{"auto: numbers", "1,2\n3,4\n", HeaderAuto, false, 2},
		{"absent", "First Name,Last Name\nA,B\n", HeaderAbsent, false, 2},
		{"present", "1,2\n3,4\n", HeaderPresent, true, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, rows := readAll(t, tt.in, Options{Header: tt.mode})
			if r.Detection().HasHeader != tt.header || (r.Header() != nil) != tt.header || len(rows) != tt.rows {
				t.Errorf("HasHeader %v header %q rows %d; want %v, %d rows", r.Detection().HasHeader, r.Header(), len(rows), tt.header, tt.rows)
			}
			if !tt.header && rows[0].Line != 1 {
				t.Errorf("first data row on line %d, want 1", rows[0].Line)
			}
		})
	}
}

func TestOpenOptions(t *testing.T) {
	bad := []Options{
		{Delimiter: '"'}, {Delimiter: '\n'}, {Delimiter: 'é'}, {MaxFieldBytes: -1}, {Header: 7}, {Charset: "no-such-charset"},
	}
	for _, o := range bad {
		if _, err := Open(strings.NewReader("a,b\n"), o); err == nil {
			t.Errorf("Open(%+v) succeeded", o)
		}
	}
	r, rows := readAll(t, "Name|Ort\nJürgen|Köln\n", Options{Delimiter: '|', Charset: "latin1"})
	if r.Detection().Encoding.Name != "iso-8859-1" || rows[0].Fields[0] != "JÃ¼rgen" {
		t.Errorf("forced charset: %+v %q", r.Detection().Encoding, rows[0].Fields)
	}
}

func TestOpenPropagatesReadErrors(t *testing.T) {
	boom := errors.New("disk on fire")
	if _, err := Open(iotest.ErrReader(boom), Options{}); !errors.Is(err, boom) {
		t.Errorf("Open: %v", err)
	}
	// An error after the sample surfaces from Next, not as a row error.
	in := io.MultiReader(strings.NewReader("a,b\n"+strings.Repeat("1,2\n", 40000)), iotest.ErrReader(boom))
	r, err := Open(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for {
		_, err := r.Next()
		if err == nil {
			continue
		}
		var rowErr *RowError
		if errors.As(err, &rowErr) || !errors.Is(err, boom) {
			t.Fatalf("Next: %v, want the read error", err)
		}
		break
	}
}

func TestRowHelpers(t *testing.T) {
	r := Row{Fields: []string{" ", "x"}}
	if r.Field(1) != "x" || r.Field(5) != "" || r.Field(-1) != "" || r.Blank() {
		t.Error("Row helpers")
	}
	if !(Row{Fields: []string{"", " \t"}}).Blank() {
		t.Error("Blank")
	}
}

func TestMalformedRowsBeforeHeader(t *testing.T) {
	long := strings.Repeat("x", 100)
	in := long + "\n" + "Name,Email\n" + "a,b\n"
	r, got := readAll(t, in, Options{MaxRowBytes: 50, Delimiter: ','})
	if !reflect.DeepEqual(r.Header(), []string{"Name", "Email"}) || !sameResults(got, []result{row(3, "a", "b")}) {
		t.Errorf("header %q rows %+v", r.Header(), got)
	}
	if len(r.Detection().Warnings) != 1 || !strings.Contains(r.Detection().Warnings[0], "line 1 skipped") {
		t.Errorf("warnings %q", r.Detection().Warnings)
	}
	// A file that starts with many malformed rows still opens; it has no header.
	in = strings.Repeat(long+"\n", maxHeaderAttempts+3) + "a,b\n"
	r, got = readAll(t, in, Options{MaxRowBytes: 50, Delimiter: ','})
	if r.Header() != nil || len(got) != 4 || got[0].Line != maxHeaderAttempts+1 || !errors.Is(got[0].Err, ErrRowTooLong) ||
		!sameResults(got[3:], []result{row(maxHeaderAttempts+4, "a", "b")}) {
		t.Errorf("header %q rows %+v", r.Header(), got)
	}
}
