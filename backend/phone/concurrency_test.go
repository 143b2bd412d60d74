package phone

import (
	"sync"
	"testing"
)

// TestParseConcurrently runs Parse from several goroutines; run it with
// -race to check that the library's caches are safe for an import that
// fans out over workers.
func TestParseConcurrently(t *testing.T) {
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				c := parseCases[(w*31+i)%len(parseCases)]
				if n := Parse(c.raw, c.region); n.E164 != c.e164 {
					t.Errorf("Parse(%q, %q).E164 = %q, want %q", c.raw, c.region, n.E164, c.e164)
					return
				}
			}
		}()
	}
	wg.Wait()
}
