package vcard

import "strings"

// internBytes returns b as a string, sharing a constant instance for the
// names, groups and parameter values found in almost every card, so decoding does
// not allocate a copy for each occurrence. (A switch on string(b) neither
// allocates nor needs a table.)
func internBytes(b []byte) string {
	switch string(b) {
	case "item1":
		return "item1"
	case "item2":
		return "item2"
	case "item3":
		return "item3"
	case "item4":
		return "item4"
	case "item5":
		return "item5"
	case "item6":
		return "item6"
	case "item7":
		return "item7"
	case "item8":
		return "item8"
	case "item9":
		return "item9"
	case "item10":
		return "item10"
	case "item11":
		return "item11"
	case "item12":
		return "item12"
	case "item13":
		return "item13"
	case "item14":
		return "item14"
	case "item15":
		return "item15"
	case "item16":
		return "item16"
	case "item17":
		return "item17"
	case "item18":
		return "item18"
	case "item19":
		return "item19"
	case "item20":
		return "item20"
	case "BEGIN":
		return "BEGIN"
	case "END":
		return "END"
	case "VERSION":
		return "VERSION"
	case "N":
		return "N"
	case "FN":
		return "FN"
	case "NICKNAME":
		return "NICKNAME"
	case "PHOTO":
		return "PHOTO"
	case "BDAY":
		return "BDAY"
	case "ANNIVERSARY":
		return "ANNIVERSARY"
	case "GENDER":
		return "GENDER"
	case "ADR":
		return "ADR"
	case "LABEL":
		return "LABEL"
	case "TEL":
		return "TEL"
	case "EMAIL":
		return "EMAIL"
	case "IMPP":
		return "IMPP"
	case "LANG":
		return "LANG"
	case "TZ":
		return "TZ"
	case "GEO":
		return "GEO"
	case "TITLE":
		return "TITLE"
	case "ROLE":
		return "ROLE"
	case "LOGO":
		return "LOGO"
	case "ORG":
		return "ORG"
	case "MEMBER":
		return "MEMBER"
	case "RELATED":
		return "RELATED"
	case "CATEGORIES":
		return "CATEGORIES"
	case "NOTE":
		return "NOTE"
	case "PRODID":
		return "PRODID"
	case "REV":
		return "REV"
	case "SOUND":
		return "SOUND"
	case "UID":
		return "UID"
	case "CLIENTPIDMAP":
		return "CLIENTPIDMAP"
	case "URL":
		return "URL"
	case "KEY":
		return "KEY"
	case "FBURL":
		return "FBURL"
	case "CALADRURI":
		return "CALADRURI"
	case "CALURI":
		return "CALURI"
	case "XML":
		return "XML"
	case "KIND":
		return "KIND"
	case "SOURCE":
		return "SOURCE"
	case "NAME":
		return "NAME"
	case "PROFILE":
		return "PROFILE"
	case "MAILER":
		return "MAILER"
	case "CLASS":
		return "CLASS"
	case "SORT-STRING":
		return "SORT-STRING"
	case "AGENT":
		return "AGENT"
	case "X-ABLABEL":
		return "X-ABLABEL"
	case "X-ABLabel":
		return "X-ABLabel"
	case "X-ABADR":
		return "X-ABADR"
	case "X-ABDATE":
		return "X-ABDATE"
	case "X-ABRELATEDNAMES":
		return "X-ABRELATEDNAMES"
	case "X-ABUID":
		return "X-ABUID"
	case "X-PHONETIC-FIRST-NAME":
		return "X-PHONETIC-FIRST-NAME"
	case "X-PHONETIC-LAST-NAME":
		return "X-PHONETIC-LAST-NAME"
	case "X-PHONETIC-MIDDLE-NAME":
		return "X-PHONETIC-MIDDLE-NAME"
	case "X-ANNIVERSARY":
		return "X-ANNIVERSARY"
	case "X-MS-OL-DESIGN":
		return "X-MS-OL-DESIGN"
	case "X-MS-IMADDRESS":
		return "X-MS-IMADDRESS"
	case "X-MS-ANNIVERSARY":
		return "X-MS-ANNIVERSARY"
	case "X-MS-OL-DEFAULT-POSTAL-ADDRESS":
		return "X-MS-OL-DEFAULT-POSTAL-ADDRESS"
	case "X-AIM":
		return "X-AIM"
	case "X-JABBER":
		return "X-JABBER"
	case "X-SKYPE":
		return "X-SKYPE"
	case "X-MSN":
		return "X-MSN"
	case "X-ICQ":
		return "X-ICQ"
	case "X-YAHOO":
		return "X-YAHOO"
	case "X-GTALK":
		return "X-GTALK"
	case "X-QQ":
		return "X-QQ"
	case "X-GENDER":
		return "X-GENDER"
	case "X-SPOUSE":
		return "X-SPOUSE"
	case "TYPE":
		return "TYPE"
	case "type":
		return "type"
	case "ENCODING":
		return "ENCODING"
	case "CHARSET":
		return "CHARSET"
	case "VALUE":
		return "VALUE"
	case "value":
		return "value"
	case "PREF":
		return "PREF"
	case "PID":
		return "PID"
	case "ALTID":
		return "ALTID"
	case "LANGUAGE":
		return "LANGUAGE"
	case "MEDIATYPE":
		return "MEDIATYPE"
	case "SORT-AS":
		return "SORT-AS"
	case "CALSCALE":
		return "CALSCALE"
	case "WORK":
		return "WORK"
	case "HOME":
		return "HOME"
	case "VOICE":
		return "VOICE"
	case "CELL":
		return "CELL"
	case "FAX":
		return "FAX"
	case "PAGER":
		return "PAGER"
	case "MAIN":
		return "MAIN"
	case "OTHER":
		return "OTHER"
	case "INTERNET":
		return "INTERNET"
	case "pref":
		return "pref"
	case "work":
		return "work"
	case "home":
		return "home"
	case "voice":
		return "voice"
	case "cell":
		return "cell"
	case "fax":
		return "fax"
	case "internet":
		return "internet"
	case "text":
		return "text"
	case "JPEG":
		return "JPEG"
	case "PNG":
		return "PNG"
	case "GIF":
		return "GIF"
	case "b":
		return "b"
	case "B":
		return "B"
	case "BASE64":
		return "BASE64"
	case "QUOTED-PRINTABLE":
		return "QUOTED-PRINTABLE"
	case "UTF-8":
		return "UTF-8"
	case "utf-8":
		return "utf-8"
	case "date":
		return "date"
	case "uri":
		return "uri"
	case "URI":
		return "URI"
	case "POSTAL":
		return "POSTAL"
	case "PARCEL":
		return "PARCEL"
	case "DOM":
		return "DOM"
	case "INTL":
		return "INTL"
	case "MSG":
		return "MSG"
	case "BBS":
		return "BBS"
	case "MODEM":
		return "MODEM"
	case "CAR":
		return "CAR"
	case "ISDN":
		return "ISDN"
	case "VIDEO":
		return "VIDEO"
	case "PCS":
		return "PCS"
	case "IPHONE":
		return "IPHONE"
	case "X400":
		return "X400"
	case "1":
		return "1"
	}
	return string(b)
}

// internName returns the upper-case name and the name as written.
func internName(b []byte) (upper, raw string) {
	raw = internBytes(b)
	for i := 0; i < len(b); i++ {
		if c := b[i]; c >= 'a' && c <= 'z' {
			if len(b) > 64 {
				return strings.ToUpper(raw), raw
			}
			var buf [64]byte
			u := buf[:len(b)]
			for j, c := range b {
				if c >= 'a' && c <= 'z' {
					c -= 'a' - 'A'
				}
				u[j] = c
			}
			return internBytes(u), raw
		}
	}
	return raw, raw
}
