package davtest

import (
	"net/http"
	"testing"
)

// TestAuth proves Basic auth is enforced on DAV resources.
func TestAuth(t *testing.T) {
	s := NewCardDAV(t)
	tests := []struct {
		name       string
		user, pass string
		noAuth     bool
		want       int
	}{
		{name: "none", noAuth: true, want: http.StatusUnauthorized},
		{name: "wrong password", user: Username, pass: "nope", want: http.StatusUnauthorized},
		{name: "wrong user", user: "bob", pass: Password, want: http.StatusUnauthorized},
		{name: "alice", user: Username, pass: Password, want: http.StatusMultiStatus},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req, err := http.NewRequest("PROPFIND", s.URL()+PrincipalPath, nil)
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Depth", "0")
			if !tc.noAuth {
				req.SetBasicAuth(tc.user, tc.pass)
			}
			resp, err := rawClient().Do(req)
			if err != nil {
				t.Fatalf("PROPFIND: %v", err)
			}
			resp.Body.Close()
			if resp.StatusCode != tc.want {
				t.Fatalf("status %d, want %d", resp.StatusCode, tc.want)
			}
			if tc.want == http.StatusUnauthorized && resp.Header.Get("WWW-Authenticate") == "" {
				t.Fatal("401 without WWW-Authenticate")
			}
		})
	}
}

// TestWithCredentials proves the option replaces the accepted credentials.
func TestWithCredentials(t *testing.T) {
	s := NewCardDAV(t, WithCredentials("bob", "bobpw"))
	if resp, _ := mustDo(t, s, "PROPFIND", PrincipalPath, "", "Depth", "0"); resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("alice accepted on a bob server: %d", resp.StatusCode)
	}
}
