package tlstrust

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"fmt"
	"io"
	"log"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"
)

// sha256Colon is the expected fingerprint, computed independently of
// Fingerprint.
func sha256Colon(der []byte) string {
	sum := sha256.Sum256(der)
	parts := make([]string, len(sum))
	for i, b := range sum {
		parts[i] = fmt.Sprintf("%02X", b)
	}
	return strings.Join(parts, ":")
}

// newServer starts an HTTPS server answering "ok", with cert or, when nil,
// httptest's built-in self-signed certificate. Handshake errors are not
// logged.
func newServer(t *testing.T, cert *tls.Certificate) *httptest.Server {
	t.Helper()
	s := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		io.WriteString(w, "ok")
	}))
	s.Config.ErrorLog = log.New(io.Discard, "", 0)
	if cert != nil {
		s.TLS = &tls.Config{Certificates: []tls.Certificate{*cert}}
	}
	s.StartTLS()
	t.Cleanup(s.Close)
	return s
}

// leafOf returns the parsed leaf certificate a server presents.
func leafOf(t *testing.T, s *httptest.Server) *x509.Certificate {
	t.Helper()
	if s.TLS != nil && len(s.TLS.Certificates) > 0 && s.TLS.Certificates[0].Leaf != nil {
		return s.TLS.Certificates[0].Leaf
	}
	return s.Certificate()
}

type certSpec struct {
	cn       string
	dnsNames []string
	ips      []net.IP
	isCA     bool
	notAfter time.Time
	parent   *x509.Certificate // nil: self-signed
	key      *ecdsa.PrivateKey // parent's key
}

// makeCert creates a certificate and its key.
func makeCert(t *testing.T, spec certSpec) (tls.Certificate, *ecdsa.PrivateKey) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	serial, _ := rand.Int(rand.Reader, big.NewInt(1<<62))
	notAfter := spec.notAfter
	if notAfter.IsZero() {
		notAfter = time.Now().Add(24 * time.Hour)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          serial,
		Subject:               pkix.Name{CommonName: spec.cn, Organization: []string{"Office"}},
		NotBefore:             time.Now().Add(-48 * time.Hour),
		NotAfter:              notAfter,
		DNSNames:              spec.dnsNames,
		IPAddresses:           spec.ips,
		KeyUsage:              x509.KeyUsageDigitalSignature,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  spec.isCA,
	}
	if spec.isCA {
		tmpl.KeyUsage |= x509.KeyUsageCertSign
	}
	parent, signer := tmpl, key
	if spec.parent != nil {
		parent, signer = spec.parent, spec.key
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, &key.PublicKey, signer)
	if err != nil {
		t.Fatal(err)
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}, key
}

var localhost = []net.IP{net.ParseIP("127.0.0.1")}

func get(tr http.RoundTripper, url string) error {
	c := &http.Client{Transport: tr, Timeout: 5 * time.Second}
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if string(body) != "ok" {
		return fmt.Errorf("body %q", body)
	}
	return nil
}

func TestDefaultTransportRejectsSelfSigned(t *testing.T) {
	srv := newServer(t, nil)
	tr := Transport(nil)
	if tr.TLSClientConfig.InsecureSkipVerify || tr.DialTLSContext != nil {
		t.Fatal("transport without pins does not verify normally")
	}
	err := get(tr, srv.URL)
	if err == nil {
		t.Fatal("self-signed server accepted")
	}
	c, ok := IsUntrusted(err)
	if !ok {
		t.Fatalf("IsUntrusted(%v) = false", err)
	}
	if want := sha256Colon(srv.Certificate().Raw); c.Fingerprint != want {
		t.Errorf("Fingerprint = %s, want %s", c.Fingerprint, want)
	}
	if c.Host != srv.Listener.Addr().String() || c.Trusted || c.VerifyError == "" {
		t.Errorf("Certificate = %+v", c)
	}
	// Invalid pins are ignored: still a normal transport.
	if tr := Transport([]string{"not a fingerprint"}); tr.TLSClientConfig.InsecureSkipVerify {
		t.Error("invalid pin switched verification off")
	}
}

func TestProbe(t *testing.T) {
	srv := newServer(t, nil)
	ctx := context.Background()
	c, err := Probe(ctx, srv.URL+"/dav/")
	if err != nil {
		t.Fatal(err)
	}
	if want := sha256Colon(srv.Certificate().Raw); c.Fingerprint != want {
		t.Errorf("Fingerprint = %s, want %s", c.Fingerprint, want)
	}
	if c.Trusted || c.VerifyError == "" || !c.SelfSigned {
		t.Errorf("Trusted=%v VerifyError=%q SelfSigned=%v", c.Trusted, c.VerifyError, c.SelfSigned)
	}
	if !strings.Contains(c.Subject, "Acme Co") || c.Issuer != c.Subject {
		t.Errorf("Subject = %q, Issuer = %q", c.Subject, c.Issuer)
	}
	if !slices.Contains(c.DNSNames, "example.com") || !slices.Contains(c.IPAddresses, "127.0.0.1") {
		t.Errorf("DNSNames = %v, IPAddresses = %v", c.DNSNames, c.IPAddresses)
	}
	if !c.NotBefore.Before(c.NotAfter) || c.Host != srv.Listener.Addr().String() {
		t.Errorf("NotBefore %v, NotAfter %v, Host %q", c.NotBefore, c.NotAfter, c.Host)
	}

	// With the certificate among the roots, it is trusted.
	roots := x509.NewCertPool()
	roots.AddCert(srv.Certificate())
	c, err = Verifier{Roots: roots}.Probe(ctx, srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if !c.Trusted || c.VerifyError != "" {
		t.Errorf("with the certificate as root: Trusted=%v VerifyError=%q", c.Trusted, c.VerifyError)
	}

	if _, err := Probe(ctx, strings.Replace(srv.URL, "https:", "http:", 1)); err == nil {
		t.Error("Probe of an http URL succeeded")
	}
}

func TestProbeNetworkError(t *testing.T) {
	srv := newServer(t, nil)
	url := srv.URL
	srv.Close()
	_, err := Probe(context.Background(), url)
	if err == nil {
		t.Fatal("Probe of a closed server succeeded")
	}
	if _, ok := IsUntrusted(err); ok {
		t.Errorf("IsUntrusted(%v) = true for a network error", err)
	}
	if err := get(Transport([]string{Fingerprint([]byte("x"))}), url); err == nil {
		t.Fatal("request to a closed server succeeded")
	} else if _, ok := IsUntrusted(err); ok {
		t.Errorf("IsUntrusted(%v) = true for a network error", err)
	}
	if _, ok := IsUntrusted(nil); ok {
		t.Error("IsUntrusted(nil) = true")
	}
}

func TestPinnedCertificate(t *testing.T) {
	srv := newServer(t, nil)
	fp, err := Probe(context.Background(), srv.URL)
	if err != nil {
		t.Fatal(err)
	}

	for _, pin := range []string{
		fp.Fingerprint,
		strings.ToLower(strings.ReplaceAll(fp.Fingerprint, ":", "")),
	} {
		if err := get(Transport([]string{pin}), srv.URL); err != nil {
			t.Errorf("pin %s: %v", pin, err)
		}
	}

	other, _ := makeCert(t, certSpec{cn: "other", ips: localhost})
	err = get(Transport([]string{Fingerprint(other.Leaf.Raw)}), srv.URL)
	c, ok := IsUntrusted(err)
	if !ok {
		t.Fatalf("with another pin: %v, want untrusted", err)
	}
	if c.Fingerprint != fp.Fingerprint {
		t.Errorf("untrusted Fingerprint = %s, want %s", c.Fingerprint, fp.Fingerprint)
	}
	var ue *UntrustedError
	if !errors.As(err, &ue) || !errors.As(err, new(x509.UnknownAuthorityError)) {
		t.Errorf("error %v does not carry UntrustedError and UnknownAuthorityError", err)
	}
}

func TestPinDoesNotTrustAnotherServer(t *testing.T) {
	first := newServer(t, nil)
	cert, _ := makeCert(t, certSpec{cn: "nas.office", ips: localhost})
	second := newServer(t, &cert)

	tr := Transport([]string{Fingerprint(first.Certificate().Raw)})
	if err := get(tr, first.URL); err != nil {
		t.Fatalf("pinned server: %v", err)
	}
	err := get(tr, second.URL)
	c, ok := IsUntrusted(err)
	if !ok {
		t.Fatalf("second server: %v, want untrusted", err)
	}
	if c.Fingerprint != sha256Colon(cert.Leaf.Raw) || c.Subject != "CN=nas.office,O=Office" {
		t.Errorf("Certificate = %+v", c)
	}
}

// A pin covers only the exact leaf: pinning the CA does not trust what it
// signed.
func TestPinOnlyCoversTheLeaf(t *testing.T) {
	ca, caKey := makeCert(t, certSpec{cn: "Office CA", isCA: true})
	leaf, _ := makeCert(t, certSpec{cn: "dav", ips: localhost, parent: ca.Leaf, key: caKey})
	leaf.Certificate = append(leaf.Certificate, ca.Leaf.Raw)
	srv := newServer(t, &leaf)

	if _, ok := IsUntrusted(get(Transport([]string{Fingerprint(ca.Leaf.Raw)}), srv.URL)); !ok {
		t.Fatal("pinning the CA trusted its leaf")
	}
	if err := get(Transport([]string{Fingerprint(leaf.Leaf.Raw)}), srv.URL); err != nil {
		t.Fatalf("pinned leaf: %v", err)
	}
}

// Certificates that are not pinned are verified as usual, host name
// included, when pins are present.
func TestPinsKeepHostnameVerification(t *testing.T) {
	ca, caKey := makeCert(t, certSpec{cn: "Office CA", isCA: true})
	roots := x509.NewCertPool()
	roots.AddCert(ca.Leaf)
	unrelated, _ := makeCert(t, certSpec{cn: "unrelated"})
	pins := []string{Fingerprint(unrelated.Leaf.Raw)}

	good, _ := makeCert(t, certSpec{cn: "dav", ips: localhost, parent: ca.Leaf, key: caKey})
	srv := newServer(t, &good)
	for _, v := range []Verifier{{Roots: roots}, {Roots: roots, Pins: pins}} {
		if err := get(v.Transport(), srv.URL); err != nil {
			t.Errorf("CA-signed certificate for 127.0.0.1, pins %v: %v", v.Pins, err)
		}
	}

	wrong, _ := makeCert(t, certSpec{cn: "other", dnsNames: []string{"other.example"}, parent: ca.Leaf, key: caKey})
	srv = newServer(t, &wrong)
	for _, v := range []Verifier{{Roots: roots}, {Roots: roots, Pins: pins}} {
		err := get(v.Transport(), srv.URL)
		if _, ok := IsUntrusted(err); !ok {
			t.Errorf("certificate for another name, pins %v: %v, want untrusted", v.Pins, err)
		}
		var he x509.HostnameError
		if !errors.As(err, &he) {
			t.Errorf("pins %v: %v is not a HostnameError", v.Pins, err)
		}
	}
}

// A pinned certificate is accepted after it expired: the user trusted that
// certificate, and self-signed ones are often left to expire.
func TestPinnedExpiredCertificate(t *testing.T) {
	cert, _ := makeCert(t, certSpec{cn: "old-nas", notAfter: time.Now().Add(-time.Hour)})
	srv := newServer(t, &cert)
	if err := get(Transport([]string{Fingerprint(cert.Leaf.Raw)}), srv.URL); err != nil {
		t.Fatalf("pinned expired certificate: %v", err)
	}
	c, ok := IsUntrusted(get(Transport(nil), srv.URL))
	if !ok || c.NotAfter.After(time.Now()) {
		t.Errorf("unpinned expired certificate: ok=%v %+v", ok, c)
	}
}

func TestNoHostNameFailsClosed(t *testing.T) {
	cert, _ := makeCert(t, certSpec{cn: "x", ips: localhost})
	cs := tls.ConnectionState{PeerCertificates: []*x509.Certificate{cert.Leaf}}
	roots := x509.NewCertPool()
	roots.AddCert(cert.Leaf)
	v := Verifier{Roots: roots}
	err := v.verifyConnection(cs, "", map[string]bool{})
	if _, ok := IsUntrusted(err); !ok {
		t.Errorf("no host name: %v, want untrusted", err)
	}
	if err := v.verifyConnection(cs, "127.0.0.1:443", map[string]bool{}); err != nil {
		t.Errorf("with host: %v", err)
	}
	if err := v.verifyConnection(tls.ConnectionState{}, "127.0.0.1:443", nil); err == nil {
		t.Error("no certificate accepted")
	}
}

func TestNormalizeFingerprint(t *testing.T) {
	der := []byte("certificate")
	want := sha256Colon(der)
	for _, in := range []string{want, strings.ToLower(want), strings.ReplaceAll(want, ":", ""), " " + strings.ReplaceAll(want, ":", " ") + " "} {
		got, err := NormalizeFingerprint(in)
		if err != nil || got != want {
			t.Errorf("NormalizeFingerprint(%q) = %q, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "AB:CD", want + ":00", strings.Replace(want, "A", "G", 1)} {
		if _, err := NormalizeFingerprint(in); err == nil {
			t.Errorf("NormalizeFingerprint(%q) succeeded", in)
		}
	}
	if Fingerprint(der) != want {
		t.Errorf("Fingerprint = %s, want %s", Fingerprint(der), want)
	}
}
