package vcard_test

import (
	"fmt"
	"strings"

	"fieldbook/backend/vcard"
)

// Patch one field of a card as last seen on the server: every other line is
// written back byte for byte.
func Example_patch() {
	server := "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jane Doe\r\n" +
		"item1.EMAIL;type=INTERNET:old@example.com\r\nitem1.X-ABLabel:_$!<Other>!$_\r\n" +
		"X-MS-OL-DESIGN;CHARSET=utf-8:<card/>\r\nEND:VCARD\r\n"
	cards, problems, err := vcard.Decode(strings.NewReader(server))
	if err != nil || len(problems) > 0 {
		panic(fmt.Sprint(err, problems))
	}
	card := cards[0]
	email := card.Get("EMAIL")
	fmt.Println(card.Label(email))
	email.SetValue("new@example.com")
	out, err := vcard.Marshal(card, card.Version)
	if err != nil {
		panic(err)
	}
	fmt.Print(strings.ReplaceAll(string(out), "\r\n", "\n")) // CRLF on the wire
	// Output:
	// _$!<Other>!$_
	// BEGIN:VCARD
	// VERSION:3.0
	// FN:Jane Doe
	// item1.EMAIL;type=INTERNET:new@example.com
	// item1.X-ABLabel:_$!<Other>!$_
	// X-MS-OL-DESIGN;CHARSET=utf-8:<card/>
	// END:VCARD
}

// Read an Outlook vCard 2.1 and write it as vCard 4.0.
func Example_convert() {
	outlook := "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-1:M\xfcller;J\xfcrgen;;;\r\n" +
		"TEL;WORK;VOICE;PREF:+49 30 1234\r\n" +
		"NOTE;ENCODING=QUOTED-PRINTABLE:Line 1=0D=0A=\r\nLine 2\r\nEND:VCARD\r\n"
	cards, _, _ := vcard.Decode(strings.NewReader(outlook))
	fmt.Println(cards[0].Get("N").Component(0))
	out, _ := vcard.Marshal(cards[0], vcard.Version40)
	fmt.Print(strings.ReplaceAll(string(out), "\r\n", "\n"))
	// Output:
	// Müller
	// BEGIN:VCARD
	// VERSION:4.0
	// N:Müller;Jürgen;;;
	// TEL;TYPE=WORK,VOICE;PREF=1:+49 30 1234
	// NOTE:Line 1\nLine 2
	// END:VCARD
}
