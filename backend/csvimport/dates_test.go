package csvimport

import (
	"errors"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	now := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		in    string
		order DateOrder
		want  string // Date.String(); "error" for an error
	}{
		{"1975-12-12", DateDMY, "1975-12-12"},
		{"1975-12-12T00:00:00Z", DateDMY, "1975-12-12"},
		{"19751212", DateDMY, "1975-12-12"},
		{"--04-16", DateDMY, "--04-16"},
		{"--0203", DateDMY, "--02-03"},
		{"--02-29", DateDMY, "--02-29"},
		{"20/01/1991", DateMDY, "1991-01-20"}, // day > 12 wins over the order
		{"1/20/1991", DateDMY, "1991-01-20"},
		{"03/04/1990", DateDMY, "1990-04-03"},
		{"03/04/1990", DateMDY, "1990-03-04"},
		{"1/20/1991 0:00:00", DateMDY, "1991-01-20"},
		{"1991/01/20", DateMDY, "1991-01-20"},
		{"12.12.1975", DateMDY, "1975-12-12"},
		{"1.2.75", DateDMY, "1975-02-01"},
		{"1.2.24", DateDMY, "2024-02-01"},
		{"20-01-1991", DateDMY, "1991-01-20"},
		{"December 12, 1975", DateDMY, "1975-12-12"},
		{"12 Dec 1975", DateDMY, "1975-12-12"},
		{"0.0.00", DateDMY, ""},
		{"0/0/00", DateMDY, ""},
		{"1/1/4501", DateMDY, ""},
		{"", DateDMY, ""},
		{"30.02.1990", DateDMY, "error"},
		{"29.02.1991", DateDMY, "error"},
		{"13/13/1990", DateDMY, "error"},
		{"soon", DateDMY, "error"},
		{"--1", DateDMY, "error"},
	}
	for _, tt := range tests {
		d, err := parseDate(tt.in, tt.order, now)
		got := d.String()
		if err != nil {
			got = "error"
			if !errors.Is(err, errBadDate) {
				t.Errorf("parseDate(%q): error %v does not wrap errBadDate", tt.in, err)
			}
		}
		if got != tt.want {
			t.Errorf("parseDate(%q, %d) = %q (%v), want %q", tt.in, tt.order, got, err, tt.want)
		}
	}
}
