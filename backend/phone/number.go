package phone

// Number is a parsed phone number.
type Number struct {
	Raw       string // as the user or the file wrote it
	E164      string // "+4930123456" — the key used for matching duplicates; "" when it could not be parsed
	Region    string // ISO 3166 region the number belongs to ("DE"), "" if unknown
	Extension string // digits dialled after the call connects ("123" for "x123"), "" if none
	Valid     bool   // libphonenumber says it is a valid number for its region
	Possible  bool   // the length is possible (some real numbers are possible but not "valid")
}
