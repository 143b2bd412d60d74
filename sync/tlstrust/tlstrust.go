package tlstrust

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Certificate describes a server's leaf certificate for the trust dialog.
type Certificate struct {
	// Host is the host (and port) the certificate was presented for,
	// when known.
	Host string
	// Fingerprint is the SHA-256 of the DER certificate as uppercase hex
	// pairs separated by colons ("AB:12:…"); it is what Transport pins.
	Fingerprint string
	Subject     string
	Issuer      string
	DNSNames    []string
	IPAddresses []string
	NotBefore   time.Time
	NotAfter    time.Time
	// SelfSigned is true when the certificate is signed by its own key.
	SelfSigned bool
	// Trusted is true when the roots (the system's, by default) verify the
	// certificate for Host; otherwise VerifyError says why not.
	Trusted     bool
	VerifyError string
}

// UntrustedError is a TLS handshake rejected because the server's
// certificate is not trusted. It unwraps to the verification error (such
// as x509.UnknownAuthorityError or x509.HostnameError).
type UntrustedError struct {
	Certificate Certificate
	Err         error
}

func (e *UntrustedError) Error() string {
	host := e.Certificate.Host
	if host == "" {
		host = "server"
	}
	return fmt.Sprintf("tlstrust: certificate of %s (SHA-256 %s) is not trusted: %v", host, e.Certificate.Fingerprint, e.Err)
}

func (e *UntrustedError) Unwrap() error { return e.Err }

// IsUntrusted reports whether err (from Transport, Probe or any Go TLS
// client) means that the server's certificate is not trusted, as opposed
// to a network or protocol error, and if so describes the certificate so
// the caller can offer the trust step.
func IsUntrusted(err error) (Certificate, bool) {
	if err == nil {
		return Certificate{}, false
	}
	var host string
	if ue := (*url.Error)(nil); errors.As(err, &ue) {
		if u, perr := url.Parse(ue.URL); perr == nil {
			host = u.Host
		}
	}
	var cert *x509.Certificate
	var uerr *UntrustedError
	var verr *tls.CertificateVerificationError
	var unknown x509.UnknownAuthorityError
	var hostname x509.HostnameError
	var invalid x509.CertificateInvalidError
	switch {
	case errors.As(err, &uerr):
		c := uerr.Certificate
		if c.Host == "" {
			c.Host = host
		}
		return c, true
	case errors.As(err, &verr) && len(verr.UnverifiedCertificates) > 0:
		cert = verr.UnverifiedCertificates[0]
		err = verr.Err
	case errors.As(err, &unknown) && unknown.Cert != nil:
		cert, err = unknown.Cert, unknown
	case errors.As(err, &hostname) && hostname.Certificate != nil:
		cert, err = hostname.Certificate, hostname
	case errors.As(err, &invalid) && invalid.Cert != nil:
		cert, err = invalid.Cert, invalid
	default:
		return Certificate{}, false
	}
	c := describe(cert, host)
	c.VerifyError = err.Error()
	return c, true
}

// Fingerprint returns the SHA-256 fingerprint of a DER certificate in the
// form Certificate.Fingerprint uses.
func Fingerprint(der []byte) string {
	sum := sha256.Sum256(der)
	return colonHex(sum[:])
}

// colonHex formats b as uppercase hex pairs separated by colons.
func colonHex(b []byte) string {
	const digits = "0123456789ABCDEF"
	out := make([]byte, 0, len(b)*3)
	for i, x := range b {
		if i > 0 {
			out = append(out, ':')
		}
		out = append(out, digits[x>>4], digits[x&0xf])
	}
	return string(out)
}

// NormalizeFingerprint accepts a SHA-256 fingerprint in upper or lower
// case, with or without colons or spaces, and returns it in the form of
// Fingerprint.
func NormalizeFingerprint(s string) (string, error) {
	clean := strings.Map(func(r rune) rune {
		if r == ':' || r == ' ' {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
	raw, err := hex.DecodeString(clean)
	if err != nil || len(raw) != sha256.Size {
		return "", fmt.Errorf("tlstrust: %q is not a SHA-256 fingerprint", s)
	}
	return colonHex(raw), nil
}

// Verifier holds what certificate checks depend on. The zero value uses
// the system roots, the current time and no pins.
type Verifier struct {
	// Roots verifies certificates that are not pinned; nil means the
	// system roots.
	Roots *x509.CertPool
	// Pins are SHA-256 fingerprints of leaf certificates the user trusted,
	// in any form NormalizeFingerprint accepts; invalid ones match nothing.
	Pins []string
	// Now returns the time certificates are checked at; nil means
	// time.Now.
	Now func() time.Time
}

// Probe connects to the https server of rawURL (port 443 unless given) and
// describes its leaf certificate, verified with the system roots.
func Probe(ctx context.Context, rawURL string) (Certificate, error) {
	return Verifier{}.Probe(ctx, rawURL)
}

// Transport returns an HTTP transport that accepts what the system roots
// verify for the dialled host and, in addition, leaf certificates whose
// SHA-256 fingerprint is one of pins. With no pins it is a normal verifying
// transport. See the package documentation for the reasoning.
func Transport(pins []string) *http.Transport {
	return Verifier{Pins: pins}.Transport()
}

// Probe connects to the https server of rawURL without verifying it and
// describes the leaf certificate it presents, with Trusted telling whether
// v.Roots verify it for the URL's host (pins play no part). It fails for a
// URL that is not https and for network and TLS protocol errors. It sends
// no HTTP request; bound it with ctx.
func (v Verifier) Probe(ctx context.Context, rawURL string) (Certificate, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return Certificate{}, fmt.Errorf("tlstrust: probe: %w", err)
	}
	if u.Scheme != "https" {
		return Certificate{}, fmt.Errorf("tlstrust: probe %s: not an https URL", u.Redacted())
	}
	host := u.Hostname()
	if host == "" {
		return Certificate{}, fmt.Errorf("tlstrust: probe %s: no host", u.Redacted())
	}
	port := u.Port()
	if port == "" {
		port = "443"
	}
	addr := net.JoinHostPort(host, port)
	d := tls.Dialer{Config: &tls.Config{
		ServerName: host,
		// Nothing is sent over this connection; it only shows the
		// certificate, which is verified below.
		InsecureSkipVerify: true, //nolint:gosec // see above
	}}
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return Certificate{}, fmt.Errorf("tlstrust: probe %s: %w", addr, err)
	}
	defer conn.Close()
	certs := conn.(*tls.Conn).ConnectionState().PeerCertificates
	if len(certs) == 0 {
		return Certificate{}, fmt.Errorf("tlstrust: probe %s: server sent no certificate", addr)
	}
	c := describe(certs[0], addr)
	if err := v.verifyChain(certs, host); err != nil {
		c.VerifyError = err.Error()
	} else {
		c.Trusted = true
	}
	return c, nil
}

// Transport returns an HTTP transport that trusts what v.Roots verify for
// the dialled host and the leaf certificates pinned in v.Pins. With no
// valid pins it is a normal verifying transport.
func (v Verifier) Transport() *http.Transport {
	dialer := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
	t := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: 1 * time.Second,
		TLSClientConfig:       &tls.Config{RootCAs: v.Roots, Time: v.Now},
	}
	pins := v.pinSet()
	if len(pins) == 0 {
		return t
	}
	// Connections through an HTTPS proxy are set up by the transport with
	// TLSClientConfig; only the SNI name is known there.
	t.TLSClientConfig = &tls.Config{
		RootCAs:            v.Roots,
		Time:               v.Now,
		InsecureSkipVerify: true, //nolint:gosec // VerifyConnection verifies
		VerifyConnection: func(cs tls.ConnectionState) error {
			return v.verifyConnection(cs, cs.ServerName, pins)
		},
	}
	// Direct connections: the dialled host is known and checked.
	t.DialTLSContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, _, err := net.SplitHostPort(addr)
		if err != nil {
			return nil, fmt.Errorf("tlstrust: dial %s: %w", addr, err)
		}
		cfg := &tls.Config{
			ServerName:         host,
			RootCAs:            v.Roots,
			Time:               v.Now,
			NextProtos:         []string{"http/1.1"},
			InsecureSkipVerify: true, //nolint:gosec // VerifyConnection verifies
			VerifyConnection: func(cs tls.ConnectionState) error {
				return v.verifyConnection(cs, addr, pins)
			},
		}
		// dialer.Timeout bounds the dial and the handshake together.
		return (&tls.Dialer{NetDialer: dialer, Config: cfg}).DialContext(ctx, network, addr)
	}
	return t
}

// verifyConnection accepts a pinned leaf or a chain the roots verify for
// the host of hostport (a host name, or host:port).
func (v Verifier) verifyConnection(cs tls.ConnectionState, hostport string, pins map[string]bool) error {
	certs := cs.PeerCertificates
	if len(certs) == 0 {
		return errors.New("tlstrust: server sent no certificate")
	}
	if pins[Fingerprint(certs[0].Raw)] {
		return nil
	}
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	if host == "" {
		err := errors.New("no host name to verify the certificate for")
		c := describe(certs[0], hostport)
		c.VerifyError = err.Error()
		return &UntrustedError{Certificate: c, Err: err}
	}
	if err := v.verifyChain(certs, host); err != nil {
		c := describe(certs[0], hostport)
		c.VerifyError = err.Error()
		return &UntrustedError{Certificate: c, Err: err}
	}
	return nil
}

// verifyChain verifies certs (leaf first) against v.Roots for host, as
// crypto/tls does.
func (v Verifier) verifyChain(certs []*x509.Certificate, host string) error {
	opts := x509.VerifyOptions{
		Roots:         v.Roots,
		DNSName:       host,
		Intermediates: x509.NewCertPool(),
		CurrentTime:   v.now(),
	}
	for _, c := range certs[1:] {
		opts.Intermediates.AddCert(c)
	}
	_, err := certs[0].Verify(opts)
	return err
}

func (v Verifier) now() time.Time {
	if v.Now != nil {
		return v.Now()
	}
	return time.Now()
}

// pinSet returns the valid pins, normalised.
func (v Verifier) pinSet() map[string]bool {
	set := make(map[string]bool, len(v.Pins))
	for _, p := range v.Pins {
		if n, err := NormalizeFingerprint(p); err == nil {
			set[n] = true
		}
	}
	return set
}

// describe fills a Certificate from c, leaving Trusted and VerifyError.
func describe(c *x509.Certificate, host string) Certificate {
	ips := make([]string, len(c.IPAddresses))
	for i, ip := range c.IPAddresses {
		ips[i] = ip.String()
	}
	return Certificate{
		Host:        host,
		Fingerprint: Fingerprint(c.Raw),
		Subject:     c.Subject.String(),
		Issuer:      c.Issuer.String(),
		DNSNames:    append([]string(nil), c.DNSNames...),
		IPAddresses: ips,
		NotBefore:   c.NotBefore,
		NotAfter:    c.NotAfter,
		SelfSigned:  selfSigned(c),
	}
}

// selfSigned reports whether c names itself as issuer and is signed by its
// own key. CheckSignatureFrom is not used: it also demands the CA flag,
// which many self-signed server certificates lack.
func selfSigned(c *x509.Certificate) bool {
	return bytes.Equal(c.RawIssuer, c.RawSubject) &&
		c.CheckSignature(c.SignatureAlgorithm, c.RawTBSCertificate, c.Signature) == nil
}
