package reports

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math/big"
	"strconv"

	"fieldbook/backend/money"
)

// Raw is a cell's plain value: what the CSV holds and a sort compares.
// Integers "12", money the decimal "1234.50" (its currency apart),
// percentages the fraction with 4 decimals "0.4167", measures with their
// decimals, text, months and dates as they are; "" for no value.
func (c Cell) Raw() string {
	switch c.Kind {
	case KindInt:
		return strconv.FormatInt(c.Int, 10)
	case KindMoney:
		if c.Money.Currency == "" {
			return ""
		}
		return money.Decimal(c.Money)
	case KindPercent:
		if c.Den == 0 {
			return ""
		}
		return new(big.Rat).SetFrac64(c.Num, c.Den).FloatString(4)
	case KindNumber:
		if c.Null {
			return ""
		}
		return strconv.FormatFloat(c.Float, 'f', c.Decimals, 64)
	default:
		return c.Text
	}
}

// Percent is a percentage cell's value ×100 with decimals digits ("41.7"),
// "" for no value.
func (c Cell) Percent(decimals int) string {
	if c.Kind != KindPercent || c.Den == 0 {
		return ""
	}
	return new(big.Rat).SetFrac64(c.Num*100, c.Den).FloatString(decimals)
}

// CSV writes a result as RFC 4180 CSV for spreadsheets: UTF-8 with a byte
// order mark (Excel reads the encoding from it), CRLF line ends, a header
// of column keys, plain values (see Cell.Raw); every money column is
// followed by a "<key>_currency" column. The totals row, if any, comes last.
func CSV(r Result) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	var header []string
	for _, c := range r.Columns {
		header = append(header, c.Key)
		if c.Kind == KindMoney {
			header = append(header, c.Key+"_currency")
		}
	}
	if err := w.Write(header); err != nil {
		return nil, fmt.Errorf("reports: csv: %w", err)
	}
	rows := r.Rows
	if r.Total != nil {
		rows = append(rows[:len(rows):len(rows)], *r.Total)
	}
	for n, row := range rows {
		var rec []string
		for i, c := range r.Columns {
			var cell Cell
			if i < len(row.Cells) {
				cell = row.Cells[i]
			}
			v := cell.Raw()
			if i == 0 && v == "" && r.Total != nil && n == len(rows)-1 {
				v = "total"
			}
			rec = append(rec, v)
			if c.Kind == KindMoney {
				rec = append(rec, cell.Money.Currency)
			}
		}
		if err := w.Write(rec); err != nil {
			return nil, fmt.Errorf("reports: csv: %w", err)
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return nil, fmt.Errorf("reports: csv: %w", err)
	}
	return buf.Bytes(), nil
}
