package crm

import (
	"slices"
	"testing"
)

func TestCleanLineAndTags(t *testing.T) {
	for in, want := range map[string]string{
		"  Ada\tLovelace \r\n": "Ada Lovelace",
		"plain":                "plain",
		"Ad\xffa":              "Ad\uFFFDa",
		"Jürgen  Weiß":         "Jürgen Weiß",
		"":                     "",
	} {
		if got := CleanLine(in); got != want {
			t.Errorf("CleanLine(%q) = %q; want %q", in, got, want)
		}
	}
	if got := CleanTags([]string{" VIP ", "vip", "", "Key\taccount"}); !slices.Equal(got, []string{"VIP", "Key account"}) {
		t.Errorf("CleanTags = %q", got)
	}
	if got := CleanTags([]string{" ", ""}); got != nil {
		t.Errorf("CleanTags of blanks = %q; want nil", got)
	}
}
