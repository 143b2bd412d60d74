// Package vcard is a lenient, lossless codec for vCard 2.1, 3.0 and 4.0
// (the Versit 2.1 specification as Outlook, Android and Windows Mobile write
// it, RFC 2425/2426 and RFC 6350, plus RFC 6868 parameter escapes).
//
// # Reading
//
// Decode (or NewDecoder(r).Next for a stream) never aborts on bad input: a
// broken card or property is skipped and reported as a Problem (card index,
// line number, reason), and everything else is still returned. Only a failing
// reader is an error.
//
// Decoding works on bytes first and applies charsets last:
//   - the file encoding is sniffed (textenc.Detect); UTF-16 with or without a
//     BOM is transcoded, a UTF-8 BOM is dropped, and for 8-bit files the
//     sniffed charset becomes the fallback for values that are not UTF-8;
//   - physical lines end with CRLF, LF, CR or CR CR LF; a line starting with a
//     space or TAB continues the previous one (exactly one whitespace byte is
//     removed), so a fold may split a multi-byte character;
//   - quoted-printable soft line breaks join the next physical line verbatim,
//     and vCard 2.1 base64 bodies may continue on unindented lines;
//   - values are then QP/base64-decoded, converted with their CHARSET (or the
//     fallback) and unescaped with the rules of the card's version (2.1 text
//     is literal; 2.1 structured values only know \\ \; \: \,).
//
// # Model
//
// A Card is its version plus its properties in file order. A Property keeps
// its group, its name (upper-cased in Name, as written in RawName), its
// parameters in order (bare 2.1 parameters such as TEL;WORK;VOICE become TYPE
// values marked Bare), its decoded Value and the bytes of its original line.
// Structured (N, ADR, ORG, …) and list (CATEGORIES, NICKNAME) values stay in
// escaped form in Value; Components, Values and their setters split and join
// them. Inline data (ENCODING=b/BASE64, plain base64 PHOTO, data: URIs) is
// available through Data. Apple-style grouped labels are found with Label.
// A vCard nested inside another (2.1 AGENT, or the Android quirk) is kept as
// raw text in an AGENT or X-NESTED-VCARD property.
//
// # Writing
//
// Encode writes 3.0 or 4.0, UTF-8, CRLF, folded at 75 octets without
// splitting a UTF-8 sequence. A property that is unchanged since it was
// decoded (Encode re-reads its original line and compares) is written from
// its original bytes when the target version is the source version, so
// patching one field leaves every other line byte-identical. All other
// properties are serialised for the target version: QP and legacy charsets
// become UTF-8, bare parameters become TYPE=, inline binary becomes
// ENCODING=b (3.0) or a data: URI (4.0), TYPE=pref and PREF=n are converted,
// and values and parameters are escaped and quoted as needed. Unknown
// properties and parameters are always kept.
//
// The package has no mutable global state and does not panic on any input
// (it is fuzzed with FuzzDecode and FuzzRoundTrip).
package vcard
