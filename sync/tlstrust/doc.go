// Package tlstrust verifies the TLS certificates of CardDAV servers and
// adds an explicit trust step for the self-signed certificates common on
// office servers (a NAS, a Nextcloud box in the back room).
//
// The flow is: a request through Transport fails; IsUntrusted tells the
// caller that it failed because the certificate is not trusted (rather
// than because of the network) and describes the certificate; the UI shows
// it, or calls Probe to fetch it, in a trust dialog; if the user accepts,
// its Fingerprint is saved with the account and passed as a pin to
// Transport from then on.
//
// # Security reasoning
//
// Without pins, Transport is an ordinary verifying transport: system roots,
// hostname check, InsecureSkipVerify false. Pins never weaken anything for
// certificates that are not pinned.
//
// With pins, crypto/tls's own verification has to be switched off
// (InsecureSkipVerify), because it would reject the self-signed certificate
// before any callback could accept it. Verification is then done in
// tls.Config.VerifyConnection, which crypto/tls calls for every handshake,
// resumed sessions included (VerifyPeerCertificate is skipped on
// resumption, which is why it is not used), and whose error aborts the
// handshake before any request is sent:
//
//   - if the SHA-256 fingerprint of the leaf certificate (the DER bytes the
//     server presented) equals a pin, the connection is accepted. Only the
//     exact leaf is pinned, never an issuer: trusting an office server must
//     not make its CA, or any other certificate it signed, trusted. A
//     server can present that certificate only if it holds its private
//     key, which the handshake proves, so the pin is as strong as the key.
//     The host name, dates and key usage of a pinned certificate are not
//     checked: self-signed certificates are routinely issued for another
//     name ("localhost", the NAS model) and left to expire, and the user
//     accepted this very certificate after seeing those details. Renewing
//     the certificate changes the fingerprint and brings the trust step
//     back.
//   - otherwise the chain is verified exactly as crypto/tls would: against
//     the system roots (or Verifier.Roots), with the presented
//     intermediates, for server authentication, at the current time, and
//     for the host name that was dialled. The host name is taken from the
//     address each connection dials (an IP address is checked against the
//     certificate's IP SANs), not from the SNI field, which is empty for IP
//     addresses and would silently disable the hostname check. Where no
//     host name is known — only through an HTTPS proxy to an IP address —
//     a certificate that is not pinned is rejected.
//
// Pins belong to one account: callers pass the pins saved for the server
// they talk to, so that a certificate trusted for one server is not
// accepted for another.
//
// Probe connects without verifying anything and only reports what the
// server presents; it sends no request and no credentials.
package tlstrust
